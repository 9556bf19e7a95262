import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useLocale } from './i18n';

export function NotFoundPage() {
  const { t } = useLocale();
  return (
    <Result
      status="404"
      title={t('common.notFound')}
      extra={
        <Link to="/units">
          <Button type="primary">{t('common.backToList')}</Button>
        </Link>
      }
    />
  );
}
