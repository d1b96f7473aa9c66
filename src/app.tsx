import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { KioskRoot } from './kiosk/ui/kiosk-root';
import './kiosk/kiosk.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false, gcTime: Number.POSITIVE_INFINITY } },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <KioskRoot />
    </QueryClientProvider>
  );
}
