import { officerOf } from '../../shared/api/caller';
import { departmentSchema } from '../../shared/api/requests';
import { taskView } from '../../shared/api/views';
import { tasks } from '../../shared/data/tasks';
import { ROUTES } from '../../shared/entry-points/routes';
import { forbidden, notFound } from '../../shared/errors';
import { httpHandler } from './http-handler';

/** GET /api/departments/{department}/tasks — the department's inbox, soonest SLA deadline first. */
export const handler = httpHandler(ROUTES.listDepartmentTasks, async ({ caller, params, query, now }) => {
  const department = departmentSchema.safeParse(params.department);
  if (!department.success) throw notFound('Department', '部门');
  if (!officerOf(caller, department.data)) throw forbidden();
  const page = await tasks.listByDepartment(department.data, query.status, query.limit, query.cursor);
  return {
    status: 200,
    body: { items: page.items.map((task) => taskView(task, now)), nextCursor: page.nextCursor },
  };
});
