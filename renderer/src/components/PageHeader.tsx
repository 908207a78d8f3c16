import type { ReactNode } from 'react';
import { Breadcrumb, Typography } from 'antd';

export interface Crumb {
  title: ReactNode;
  href?: string;
}

/** Title row shared by every page: breadcrumbs, a level-3 heading, an optional subtitle and actions. */
export function PageHeader({ title, subtitle, extra, crumbs }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode; crumbs?: Crumb[] }) {
  return (
    <div className="page-header">
      <div className="page-header-text">
        {crumbs && crumbs.length > 0 && <Breadcrumb className="page-crumbs" items={crumbs.map((crumb) => ({ title: crumb.href ? <a href={crumb.href}>{crumb.title}</a> : crumb.title }))} />}
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra && <div className="page-header-extra">{extra}</div>}
    </div>
  );
}
