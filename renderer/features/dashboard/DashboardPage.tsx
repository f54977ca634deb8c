export function DashboardPage() {
  return <section className="page" />;
}
