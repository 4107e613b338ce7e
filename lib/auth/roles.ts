export const roles = ['viewer', 'marketer', 'admin'] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { viewer: 0, marketer: 1, admin: 2 };

/** Roles are cumulative: a marketer can do everything a viewer can, an admin everything a marketer can. */
export function hasRole(actual: Role, required: Role): boolean {
  return rank[actual] >= rank[required];
}

export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  marketer: 'Marketer',
  viewer: 'Viewer',
};
