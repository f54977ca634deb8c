export function ShipmentsPage() {
  return <section className="page" />;
}
