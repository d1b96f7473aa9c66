export function App() {
  return (
    <main>
      <h1>Kenjo Kiosk</h1>
      <p>Scan your badge or type your email.</p>
    </main>
  );
}
