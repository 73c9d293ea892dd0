/* FF-A notifications: per-receiver bitmaps, bindings to senders, pending bits.
 */
#ifndef LIB_NOTIF_H
#define LIB_NOTIF_H

#include "lib/types.h"

/* Framework notifications the SPM raises (GET's w6 bitmap) */
#define NOTIF_FW_RX_FULL BIT(0) /* a message waits in the RX buffer */

/* One receiver's notification state (global notifications only). */
struct notif_bitmap {
	bool created;
	u64 bound; /* bits bound to some sender */
	u64 pending; /* bound bits set and not yet got */
	u64 from_secure; /* bound bits whose sender is a partition */
	u16 sender[64]; /* per bound bit: who may set it */
	u32 framework; /* NOTIF_FW_* pending */
	bool info_reported; /* INFO_GET already named it */
};

/* Each returns FFA_OK or an FF-A error code and changes nothing on error. */
s32 notif_bind(struct notif_bitmap *b, u16 sender, u64 bits);
s32 notif_unbind(struct notif_bitmap *b, u16 sender, u64 bits);
s32 notif_set(struct notif_bitmap *b, u16 sender, u64 bits);

/*
 * Takes the pending bits: those set by partitions (*from_sp), by the
 * normal world (*from_vm), and framework ones, each only if asked for.
 */
void notif_get(struct notif_bitmap *b, bool sp, bool vm, bool fw, u64 *from_sp,
	       u64 *from_vm, u32 *framework);

/* Has b anything pending INFO_GET has not reported yet? */
static inline bool notif_unreported(const struct notif_bitmap *b)
{
	return b->created && (b->pending || b->framework) && !b->info_reported;
}

#endif
