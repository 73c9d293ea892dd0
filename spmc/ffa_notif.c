/* FF-A notifications: bitmaps, binding, set, get and info for the scheduler. */
#include "lib/string.h"
#include "spmc/spmc.h"

/* GET's flags: which bitmaps the receiver wants */
#define GET_FROM_SP BIT(0)
#define GET_FROM_VM BIT(1)
#define GET_FROM_SPM BIT(2)
#define GET_FROM_HYP BIT(3)
/* BIND and SET: per-vCPU notifications (not supported: one vCPU each) */
#define FLAG_PER_VCPU BIT(0)
#define SET_DELAY_SRI BIT(1)

/* INFO_GET's w2 */
#define INFO_MORE_PENDING BIT(0)
#define INFO_LISTS_SHIFT 7
#define INFO_IDS_32 10 /* w3-w7, two IDs each */
#define INFO_IDS_64 20 /* x3-x7, four IDs each */

struct notif_bitmap *endpoint_notif(u16 id)
{
	struct partition *p;

	if (id == FFA_HOST_ID)
		return &spmc_ns.notif;
	p = spmc_find_partition(id);
	return p ? &p->notif : NULL;
}

static u64 bits_of(const struct ffa_value *a)
{
	return (u32)a->x[3] | (u64)(u32)a->x[4] << 32;
}

struct ffa_value ffa_notif_bitmap_create(struct caller c,
					 const struct ffa_value *a)
{
	/* partitions' bitmaps exist from boot; this is the normal world's */
	if (c.p)
		return ffa_error(FFA_NOT_SUPPORTED);
	/* without a hypervisor the only VM is the normal world itself */
	if ((u32)a->x[1] != FFA_HOST_ID || (u32)a->x[2] == 0)
		return ffa_error(FFA_INVALID_PARAMETERS);
	if (spmc_ns.notif.created)
		return ffa_error(FFA_DENIED);
	memset(&spmc_ns.notif, 0, sizeof(spmc_ns.notif));
	spmc_ns.notif.created = true;
	return ffa_success(0);
}

struct ffa_value ffa_notif_bitmap_destroy(struct caller c,
					  const struct ffa_value *a)
{
	struct notif_bitmap *b = &spmc_ns.notif;

	if (c.p)
		return ffa_error(FFA_NOT_SUPPORTED);
	if ((u32)a->x[1] != FFA_HOST_ID)
		return ffa_error(FFA_INVALID_PARAMETERS);
	/* pending notifications would be lost: refused */
	if (!b->created || b->pending)
		return ffa_error(FFA_DENIED);
	memset(b, 0, sizeof(*b));
	return ffa_success(0);
}

/* BIND and UNBIND: the caller is the receiver, w1[31:16] the sender. */
struct ffa_value ffa_notif_bind(struct caller c, const struct ffa_value *a)
{
	u16 sender = (u16)(a->x[1] >> 16), receiver = (u16)a->x[1];
	bool bind = (u32)a->x[0] == FFA_NOTIFICATION_BIND;
	struct notif_bitmap *b = endpoint_notif(receiver);
	s32 err;

	if (receiver != c.id || sender == receiver || !endpoint_notif(sender) ||
	    (u32)a->x[2] != 0)
		return ffa_error(FFA_INVALID_PARAMETERS);
	err = bind ? notif_bind(b, sender, bits_of(a))
		   : notif_unbind(b, sender, bits_of(a));
	return err ? ffa_error(err) : ffa_success(0);
}

struct ffa_value ffa_notif_set(struct caller c, const struct ffa_value *a)
{
	u16 sender = (u16)(a->x[1] >> 16), receiver = (u16)a->x[1];
	u32 flags = (u32)a->x[2];
	struct notif_bitmap *b = endpoint_notif(receiver);
	s32 err;

	if (sender != c.id || receiver == sender || !b ||
	    (flags & ~SET_DELAY_SRI))
		return ffa_error(FFA_INVALID_PARAMETERS);
	err = notif_set(b, sender, bits_of(a));
	return err ? ffa_error(err) : ffa_success(0);
}

struct ffa_value ffa_notif_get(struct caller c, const struct ffa_value *a)
{
	u16 receiver = (u16)a->x[1], vcpu = (u16)(a->x[1] >> 16);
	u32 flags = (u32)a->x[2], fw;
	struct notif_bitmap *b = endpoint_notif(receiver);
	u64 sp, vm;

	if (receiver != c.id || vcpu != 0 ||
	    (flags &
	     ~(GET_FROM_SP | GET_FROM_VM | GET_FROM_SPM | GET_FROM_HYP)))
		return ffa_error(FFA_INVALID_PARAMETERS);
	if (!b->created)
		return ffa_error(FFA_DENIED);
	notif_get(b, flags & GET_FROM_SP, flags & GET_FROM_VM,
		  flags & GET_FROM_SPM, &sp, &vm, &fw);
	return ffa_value8(FFA_SUCCESS_32, 0, (u32)sp, sp >> 32, (u32)vm,
			  vm >> 32, fw, 0);
}

/*
 * Adds id to the answer as a list of one (a global notification). IDs are
 * packed from w3/x3 on: two a register in the 32-bit form, four in the
 * 64-bit one.
 */
static bool info_add(struct ffa_value *r, unsigned *n, bool wide, u16 id)
{
	unsigned per = wide ? 4 : 2;

	if (*n == (wide ? INFO_IDS_64 : INFO_IDS_32))
		return false;
	r->x[3 + *n / per] |= (u64)id << (16 * (*n % per));
	(*n)++;
	return true;
}

/*
 * Which endpoints have notifications nobody has been told about, so that
 * the normal world's scheduler can run them (partitions) or deliver them
 * (itself). Each is named once until its receiver gets them.
 */
struct ffa_value ffa_notif_info_get(struct caller c, const struct ffa_value *a)
{
	bool wide = ffa_is_64((u32)a->x[0]);
	unsigned n = 0, i;
	struct ffa_value r = ffa_value8(wide ? FFA_SUCCESS_64 : FFA_SUCCESS_32,
					0, 0, 0, 0, 0, 0, 0);
	bool more = false;

	if (c.p)
		return ffa_error(FFA_NOT_SUPPORTED);
	for (i = 0; i <= spmc_partition_count; i++) {
		struct notif_bitmap *b = i < spmc_partition_count
						 ? &spmc_partitions[i].notif
						 : &spmc_ns.notif;
		u16 id = i < spmc_partition_count ? spmc_partitions[i].m.id
						  : FFA_HOST_ID;

		if (!notif_unreported(b))
			continue;
		if (!info_add(&r, &n, wide, id)) {
			more = true;
			break;
		}
		b->info_reported = true;
	}
	if (n == 0)
		return ffa_error(FFA_NO_DATA);
	/* n lists of one ID each: their 2-bit "more IDs" fields stay 0 */
	r.x[2] = (u64)n << INFO_LISTS_SHIFT | (more ? INFO_MORE_PENDING : 0);
	return r;
}
