import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { ApiError } from '../shared/graphql-client';
import { TitleListPage } from '../modules/title/TitleListPage';
import { UnitListPage } from '../modules/unit/UnitListPage';
import { UnitPage } from '../modules/unit/UnitPage';
import { useLocale } from './i18n';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !(error instanceof ApiError && error.code !== 'NETWORK') && count < 2,
    },
  },
});

export function App() {
  const { locale } = useLocale();
  dayjs.locale(locale);
  return (
    <ConfigProvider locale={locale === 'vi' ? viVN : enUS} theme={{ token: { colorPrimary: '#b71c1c' } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Routes>
              <Route element={<AppLayout />}>
                <Route index element={<Navigate to="/units" replace />} />
                <Route path="/units" element={<UnitListPage />} />
                <Route path="/units/:id" element={<UnitPage />} />
                <Route path="/titles" element={<TitleListPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
