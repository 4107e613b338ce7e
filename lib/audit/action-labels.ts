/** Human labels of the audit actions the app records; an action not listed here is shown as recorded. */
const actionLabels: Record<string, string> = {
  'import.completed': 'Import completed',
  'customer.deleted': 'Customer deleted',
  'workspace.data_deleted': 'All data deleted',
  'member.invited': 'Member invited',
  'member.joined': 'Member joined',
  'member.role_changed': 'Member role changed',
  'member.removed': 'Member removed',
  'invitation.revoked': 'Invitation revoked',
  'sign_in.failed': 'Sign-in failed',
  'sign_in.succeeded': 'Signed in',
  'sign_in.throttled': 'Sign-in blocked (too many failures)',
  'password.changed': 'Password changed',
  'export.created': 'Export created',
  'api_key.used': 'API key used',
  'api_key.created': 'API key created',
  'api_key.revoked': 'API key revoked',
  'rfm_scheme.changed': 'RFM segments changed',
  'value_settings.changed': 'Value settings changed',
};

export function auditActionLabel(action: string): string {
  return Object.hasOwn(actionLabels, action) ? actionLabels[action] : action;
}
