import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { isApiError, setAuthHandlers } from './api/client.ts';
import { sessionKey, setSession } from './api/session.ts';
import { createAppRouter } from './routes.tsx';
import { theme } from './theme.ts';
import './styles.css';

dayjs.locale('vi');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(isApiError(error) && error.status > 0 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createAppRouter(queryClient);

setAuthHandlers({
  onUnauthenticated: () => {
    setSession(queryClient, null);
    const { pathname, href } = router.state.location;
    if (pathname !== '/dang-nhap') void router.navigate({ to: '/dang-nhap', search: { redirect: href } });
  },
  onPasswordChangeRequired: () => {
    void queryClient.invalidateQueries({ queryKey: sessionKey });
    if (router.state.location.pathname !== '/doi-mat-khau') void router.navigate({ to: '/doi-mat-khau' });
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={viVN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
