import { createRootRouteWithContext, createRoute, createRouter, Link, Outlet, redirect } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { sessionQuery } from './api/session.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { PLANNED_MODULES, type ModuleInfo } from './layout/menu.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { ChangePasswordPage } from './features/auth/ChangePasswordPage.tsx';
import { HomePage } from './features/home/HomePage.tsx';
import { UnitsPage } from './features/units/UnitsPage.tsx';
import { UsersPage } from './features/users/UsersPage.tsx';
import { AuditPage } from './features/audit/AuditPage.tsx';
import { ProfilePage } from './features/profile/ProfilePage.tsx';
import { PlaceholderPage } from './features/placeholder/PlaceholderPage.tsx';
import { RequirePermission } from './shared/Page.tsx';
import { FormsPage } from './features/forms/FormsPage.tsx';
import { FormDesignerPage } from './features/forms/designer/FormDesignerPage.tsx';
import { IndicatorsPage } from './features/indicators/IndicatorsPage.tsx';
import { CatalogsPage } from './features/catalogs/CatalogsPage.tsx';
import { RegimesPage } from './features/regimes/RegimesPage.tsx';
import { RegimePage } from './features/regimes/RegimePage.tsx';
import { RegimeWizard } from './features/regimes/wizard/RegimeWizard.tsx';
import { PeriodPage } from './features/regimes/PeriodPage.tsx';
import { PeriodConsolidationPage } from './features/reports/PeriodConsolidationPage.tsx';
import { TasksPage } from './features/tasks/TasksPage.tsx';
import { AssignmentPage } from './features/tasks/AssignmentPage.tsx';
import { CalendarPage } from './features/calendar/CalendarPage.tsx';
import { ReportsPage } from './features/reports/ReportsPage.tsx';
import { ReportPage } from './features/reports/ReportPage.tsx';
import { IncomingPage, PeriodIncomingPage } from './features/reports/IncomingPage.tsx';
import { CertificatesPage } from './features/signatures/CertificatesPage.tsx';
import { VerifyPage } from './features/signatures/VerifyPage.tsx';
import { ExplorePage } from './features/analytics/ExplorePage.tsx';
import { TimelinessPage } from './features/analytics/TimelinessPage.tsx';
import { DashboardsPage } from './features/analytics/DashboardsPage.tsx';
import { DashboardPage } from './features/analytics/DashboardPage.tsx';
import { PublishingPage } from './features/analytics/PublishingPage.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

function NotFound() {
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Địa chỉ bạn mở không tồn tại hoặc đã được thay đổi."
      extra={
        <Link to="/">
          <Button type="primary">Về trang chủ</Button>
        </Link>
      }
    />
  );
}

/** Only same-site paths are followed after login. */
export function safeRedirect(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dang-nhap',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: safeRedirect(search.redirect),
  }),
  beforeLoad: async ({ context }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session) throw redirect({ to: session.user.mustChangePassword ? '/doi-mat-khau' : '/' });
  },
  component: LoginPage,
});

const changePasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/doi-mat-khau',
  beforeLoad: async ({ context }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/dang-nhap' });
  },
  component: ChangePasswordPage,
});

/** Every page below needs a session whose password need not be changed. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/dang-nhap', search: { redirect: location.href } });
    if (session.user.mustChangePassword) throw redirect({ to: '/doi-mat-khau' });
  },
  component: AppLayout,
  notFoundComponent: NotFound,
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });

export const unitsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/don-vi',
  validateSearch: (search: Record<string, unknown>): { id?: string } => ({
    id: typeof search.id === 'string' ? search.id : undefined,
  }),
  component: () => (
    <RequirePermission permission="unit.read">
      <UnitsPage />
    </RequirePermission>
  ),
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tai-khoan',
  component: () => (
    <RequirePermission permission="user.read">
      <UsersPage />
    </RequirePermission>
  ),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/nhat-ky',
  component: () => (
    <RequirePermission permission="audit.read">
      <AuditPage />
    </RequirePermission>
  ),
});

const profileRoute = createRoute({ getParentRoute: () => appRoute, path: '/ca-nhan', component: ProfilePage });

const indicatorsRoute = createRoute({ getParentRoute: () => appRoute, path: '/chi-tieu', component: IndicatorsPage });
const catalogsRoute = createRoute({ getParentRoute: () => appRoute, path: '/danh-muc', component: CatalogsPage });
const formsRoute = createRoute({ getParentRoute: () => appRoute, path: '/bieu-mau', component: FormsPage });
const formDesignerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bieu-mau/$id',
  component: function FormDesignerRoute() {
    const { id } = formDesignerRoute.useParams();
    return <FormDesignerPage key={id} id={id} />;
  },
});

const regimesRoute = createRoute({ getParentRoute: () => appRoute, path: '/che-do-bao-cao', component: RegimesPage });
const newRegimeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/che-do-bao-cao/moi',
  component: () => (
    <RequirePermission permission="regime.manage">
      <RegimeWizard />
    </RequirePermission>
  ),
});
/** `buoc`: the wizard step to open (after the first save); `xem`: the published regime even while a draft exists. */
export interface RegimeSearch {
  buoc?: number;
  xem?: 'chi-tiet';
}
const regimeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/che-do-bao-cao/$id',
  validateSearch: (search: Record<string, unknown>): RegimeSearch => {
    const step = Number(search.buoc);
    return {
      buoc: Number.isInteger(step) && step >= 0 ? step : undefined,
      xem: search.xem === 'chi-tiet' ? 'chi-tiet' : undefined,
    };
  },
  component: function RegimeRoute() {
    const { id } = regimeRoute.useParams();
    const { buoc, xem } = regimeRoute.useSearch();
    return <RegimePage key={id} id={id} step={buoc} view={xem} />;
  },
});
const periodRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/ky-bao-cao/$id',
  component: function PeriodRoute() {
    const { id } = periodRoute.useParams();
    return <PeriodPage key={id} id={id} />;
  },
});
const periodConsolidationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/ky-bao-cao/$id/tong-hop',
  component: function PeriodConsolidationRoute() {
    const { id } = periodConsolidationRoute.useParams();
    return <PeriodConsolidationPage key={id} id={id} />;
  },
});
const periodIncomingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/ky-bao-cao/$id/tiep-nhan',
  component: function PeriodIncomingRoute() {
    const { id } = periodIncomingRoute.useParams();
    return (
      <RequirePermission permission="report.receive">
        <PeriodIncomingPage key={id} periodId={id} />
      </RequirePermission>
    );
  },
});
const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bao-cao',
  component: () => (
    <RequirePermission permission="report.work">
      <ReportsPage />
    </RequirePermission>
  ),
});
const reportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bao-cao/$id',
  component: function ReportRoute() {
    const { id } = reportRoute.useParams();
    return <ReportPage key={id} id={id} />;
  },
});
const incomingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tiep-nhan',
  component: () => (
    <RequirePermission permission="report.receive">
      <IncomingPage />
    </RequirePermission>
  ),
});
const tasksRoute = createRoute({ getParentRoute: () => appRoute, path: '/viec-can-lam', component: TasksPage });
const assignmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/giao-bao-cao/$id',
  component: function AssignmentRoute() {
    const { id } = assignmentRoute.useParams();
    return <AssignmentPage key={id} id={id} />;
  },
});
const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lich-lam-viec',
  component: () => (
    <RequirePermission permission="unit.read">
      <CalendarPage />
    </RequirePermission>
  ),
});
const certificatesRoute = createRoute({ getParentRoute: () => appRoute, path: '/chung-thu-so', component: CertificatesPage });
const verifyRoute = createRoute({ getParentRoute: () => appRoute, path: '/xac-thuc-chu-ky', component: VerifyPage });

const analyticsPage = <TPath extends string>(
  path: TPath,
  page: () => ReactNode,
  permission: 'analytics.read' | 'analytics.manage' = 'analytics.read',
) =>
  createRoute({
    getParentRoute: () => appRoute,
    path,
    component: () => <RequirePermission permission={permission}>{page()}</RequirePermission>,
  });
const exploreRoute = analyticsPage('/khai-thac', () => <ExplorePage />);
const timelinessRoute = analyticsPage('/tinh-hinh-bao-cao', () => <TimelinessPage />);
const dashboardsRoute = analyticsPage('/bang-dieu-khien', () => <DashboardsPage />);
const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bang-dieu-khien/$id',
  component: function DashboardRoute() {
    const { id } = dashboardRoute.useParams();
    return (
      <RequirePermission permission="analytics.read">
        <DashboardPage key={id} id={id} />
      </RequirePermission>
    );
  },
});
const publishingRoute = analyticsPage('/cong-khai-du-lieu', () => <PublishingPage />, 'analytics.manage');

const plannedRoute = (module: ModuleInfo) =>
  createRoute({
    getParentRoute: () => appRoute,
    path: module.path,
    component: () => <PlaceholderPage module={module} />,
  });

const routeTree = rootRoute.addChildren([
  loginRoute,
  changePasswordRoute,
  appRoute.addChildren([
    homeRoute,
    unitsRoute,
    usersRoute,
    auditRoute,
    profileRoute,
    indicatorsRoute,
    catalogsRoute,
    formsRoute,
    formDesignerRoute,
    regimesRoute,
    newRegimeRoute,
    regimeRoute,
    periodRoute,
    periodConsolidationRoute,
    periodIncomingRoute,
    reportsRoute,
    reportRoute,
    incomingRoute,
    tasksRoute,
    assignmentRoute,
    calendarRoute,
    certificatesRoute,
    verifyRoute,
    exploreRoute,
    timelinessRoute,
    dashboardsRoute,
    dashboardRoute,
    publishingRoute,
    ...PLANNED_MODULES.map(plannedRoute),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
