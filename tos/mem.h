/* The trusted OS's side of FF-A memory transactions. */
#ifndef TOS_MEM_H
#define TOS_MEM_H

#include "lib/ffa.h"
#include "lib/ffa_mem_desc.h"

/* Our RX/TX buffers (identity-mapped: their addresses are physical) */
extern u8 tos_tx[PAGE_SIZE], tos_rx[PAGE_SIZE];

/* Registers our RX/TX buffers with the SPMC; 0 or -1. */
int tos_mem_init(void);
/*
 * Retrieves handle from sender and maps it at its own addresses; NULL with
 * the error in *out if that failed. tos_mem_done undoes it.
 */
const struct ffa_mem_desc *tos_mem_map_in(struct ffa_value *out, u64 handle,
					  u16 sender, u16 self);
/* Memory we hold (retrieved and mapped) under handle, or NULL */
const struct ffa_mem_desc *tos_mem_held(u64 handle);
/* How many shares of owner we hold; relinquish them all (owner is gone) */
unsigned tos_mem_count(u16 owner);
unsigned tos_mem_release_owner(u16 owner, u16 self);
/* TOS_CMD_MEM_USE and TOS_CMD_MEM_DONE; results go into *out */
void tos_mem_use(struct ffa_value *out, u64 handle, u16 sender, u16 self,
		 bool touch);
void tos_mem_done(struct ffa_value *out, u64 handle, u16 self);
/* TOS_CMD_MEM_GIVE: share, lend or donate (fid) a page of ours, holding
 * value, to partition to; the handle into out->x[4] */
void tos_mem_give(struct ffa_value *out, u32 fid, u16 to, u64 value, u16 self);
/* TOS_CMD_MEM_TAKE_BACK: reclaim handle */
void tos_mem_take_back(struct ffa_value *out, u64 handle);
/* TOS_CMD_MEM_TOUCH: read the first word of the page we share or lend */
u64 tos_mem_touch(void);

#endif
