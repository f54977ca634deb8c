export function ReportsPage() {
  return <section className="page" />;
}
