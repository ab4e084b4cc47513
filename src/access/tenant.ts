/**
 * Which Entra tenant an activity comes from, and whether it may use the bot. A bot with credentials
 * can be installed by any Teams tenant; only the city's tenants are served.
 */

/** The parts of an activity that name its tenant (Teams puts it in both places). */
export interface TenantSource {
  conversation?: { tenantId?: unknown } | null;
  channelData?: unknown;
}

/** The tenant id of an activity: conversation.tenantId first, then channelData.tenant.id. */
export function tenantOf(activity: TenantSource): string | undefined {
  const fromConversation = activity.conversation?.tenantId;
  if (typeof fromConversation === 'string' && fromConversation.trim()) return fromConversation.trim();
  const channelData = activity.channelData;
  if (typeof channelData === 'object' && channelData !== null) {
    const tenant = (channelData as { tenant?: unknown }).tenant;
    if (typeof tenant === 'object' && tenant !== null) {
      const id = (tenant as { id?: unknown }).id;
      if (typeof id === 'string' && id.trim()) return id.trim();
    }
  }
  return undefined;
}

/**
 * True when the activity's tenant is allowed. An empty list allows any tenant (local mode; the
 * configuration refuses an empty list when credentials are set). Tenant ids are GUIDs: compared
 * without regard to case. An activity that names no tenant is refused when a list is set.
 */
export function tenantAllowed(allowed: readonly string[], tenantId: string | undefined): boolean {
  if (allowed.length === 0) return true;
  if (!tenantId) return false;
  const id = tenantId.toLowerCase();
  return allowed.some((a) => a.toLowerCase() === id);
}
