import { ApartmentOutlined, IdcardOutlined } from '@ant-design/icons';
import { Layout, Menu, Select, Space, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { setLocale, useLocale } from './i18n';

export function AppLayout() {
  const { t, locale } = useLocale();
  const location = useLocation();
  const selected = location.pathname.startsWith('/titles') ? 'titles' : 'units';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16 }}>
        <Space size="middle">
          <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }}>{t('app.subtitle')}</Typography.Text>
        </Space>
        <Select
          aria-label={t('app.language')}
          data-testid="locale-switch"
          value={locale}
          style={{ width: 130 }}
          onChange={(value) => setLocale(value)}
          options={[
            { value: 'vi', label: 'Tiếng Việt' },
            { value: 'en', label: 'English' },
          ]}
        />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} theme="light" breakpoint="lg" collapsedWidth={0}>
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            style={{ height: '100%' }}
            items={[
              { key: 'units', icon: <ApartmentOutlined />, label: <Link to="/units">{t('app.menu.units')}</Link> },
              { key: 'titles', icon: <IdcardOutlined />, label: <Link to="/titles">{t('app.menu.titles')}</Link> },
            ]}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
