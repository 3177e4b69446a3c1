/** The staff landing page (工作台): `GET /api/admin/dashboard`. */
export { DashboardService, DASHBOARD_NEXT_VISITS } from './dashboard.service';
