import { tenantAllowed, tenantOf } from './tenant';

describe('tenant of an activity', () => {
  test('conversation.tenantId is used first, channelData.tenant.id when the conversation has none', () => {
    expect(tenantOf({ conversation: { tenantId: 'a' }, channelData: { tenant: { id: 'b' } } })).toBe('a');
    expect(tenantOf({ conversation: {}, channelData: { tenant: { id: 'b' } } })).toBe('b');
    expect(tenantOf({ conversation: { tenantId: 42 }, channelData: 'x' })).toBeUndefined();
  });

  test('with a list, only listed tenants pass (case-insensitive) and a missing tenant is refused', () => {
    const allowed = ['8C1F7A3E-0000-4000-8000-00000000C17E'];
    expect(tenantAllowed(allowed, '8c1f7a3e-0000-4000-8000-00000000c17e')).toBe(true);
    expect(tenantAllowed(allowed, 'another-tenant')).toBe(false);
    expect(tenantAllowed(allowed, undefined)).toBe(false);
  });

  test('an empty list (local mode without credentials) lets any tenant through', () => {
    expect(tenantAllowed([], 'any')).toBe(true);
    expect(tenantAllowed([], undefined)).toBe(true);
  });
});
