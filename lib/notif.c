/* FF-A notifications: the binding and pending-bit rules, portable. */
#include "lib/ffa.h"
#include "lib/notif.h"

s32 notif_bind(struct notif_bitmap *b, u16 sender, u64 bits)
{
	unsigned i;

	if (!bits)
		return FFA_INVALID_PARAMETERS;
	if (!b->created || (b->bound & bits))
		return FFA_DENIED;
	b->bound |= bits;
	if (ffa_id_is_secure(sender))
		b->from_secure |= bits;
	for (i = 0; i < 64; i++)
		if (bits & BIT(i))
			b->sender[i] = sender;
	return FFA_OK;
}

/* Are all of bits bound, each to sender? */
static bool bound_to(const struct notif_bitmap *b, u16 sender, u64 bits)
{
	unsigned i;

	if ((b->bound & bits) != bits)
		return false;
	for (i = 0; i < 64; i++)
		if ((bits & BIT(i)) && b->sender[i] != sender)
			return false;
	return true;
}

s32 notif_unbind(struct notif_bitmap *b, u16 sender, u64 bits)
{
	if (!bits)
		return FFA_INVALID_PARAMETERS;
	if (!b->created || !bound_to(b, sender, bits))
		return FFA_DENIED;
	b->bound &= ~bits;
	b->from_secure &= ~bits;
	b->pending &= ~bits;
	return FFA_OK;
}

s32 notif_set(struct notif_bitmap *b, u16 sender, u64 bits)
{
	if (!bits)
		return FFA_INVALID_PARAMETERS;
	if (!b->created || !bound_to(b, sender, bits))
		return FFA_DENIED;
	if ((b->pending | bits) != b->pending)
		b->info_reported = false;
	b->pending |= bits;
	return FFA_OK;
}

void notif_get(struct notif_bitmap *b, bool sp, bool vm, bool fw, u64 *from_sp,
	       u64 *from_vm, u32 *framework)
{
	*from_sp = sp ? b->pending & b->from_secure : 0;
	*from_vm = vm ? b->pending & ~b->from_secure : 0;
	*framework = fw ? b->framework : 0;
	b->pending &= ~(*from_sp | *from_vm);
	b->framework &= ~*framework;
	if (!b->pending && !b->framework)
		b->info_reported = false;
}
