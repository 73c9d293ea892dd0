/* A small trusted OS at S-EL1: its own MMU and a message loop. */
#include "arch/aarch64/ffa_smc.h"
#include "arch/aarch64/sysreg.h"
#include "lib/fmt.h"
#include "lib/log.h"
#include "lib/smccc.h"
#include "tos/mem.h"
#include "tos/mmu.h"
#include "tos/services.h"
#include "tos/ta_access.h"
#include "tos/tos.h"
#include "tos/vm_events.h"

void tos_main(u64 boot_info);
void tos_exception(u64 esr, u64 elr, u64 far);

static u16 self_id;
static u32 served;

/* Log lines go to the SPMC by FFA_CONSOLE_LOG, 48 characters a call. */
static char con[48];
static unsigned con_len;

static void con_flush(void)
{
	struct ffa_value a = { { FFA_CONSOLE_LOG_64, con_len } };
	unsigned i;

	for (i = 0; i < con_len; i++)
		a.x[2 + i / 8] |= (u64)(u8)con[i] << (8 * (i % 8));
	if (con_len)
		ffa_smc(a);
	con_len = 0;
}

static void con_putc(char c)
{
	con[con_len++] = c;
	if (c == '\n' || con_len == sizeof(con))
		con_flush();
}

void tos_exception(u64 esr, u64 elr, u64 far)
{
	struct ffa_value a =
		ffa_value8(FFA_ERROR, 0, (u32)FFA_ABORTED, 0, 0, 0, 0, 0);

	log_printf("fatal exception: ESR 0x%llx ELR 0x%llx FAR 0x%llx\n",
		   (unsigned long long)esr, (unsigned long long)elr,
		   (unsigned long long)far);
	for (;;)
		ffa_smc(a);
}

static struct ffa_value reply(const struct ffa_value *req)
{
	bool wide = ffa_is_64((u32)req->x[0]);

	return ffa_value8(wide ? FFA_MSG_SEND_DIRECT_RESP_64
			       : FFA_MSG_SEND_DIRECT_RESP_32,
			  (u64)self_id << 16 | (u16)(req->x[1] >> 16), 0, 0, 0,
			  0, 0, 0);
}

static struct ffa_value serve(const struct ffa_value *req)
{
	struct ffa_value r = reply(req);

	served++;
	if ((u32)req->x[2] & FFA_FWK_MSG) {
		/* only the SPMC lets framework messages reach us */
		tos_vm_event(&r, req, self_id);
	} else if ((u32)req->x[3] == TOS_CMD_OWNER_STATS) {
		tos_owner_stats(&r, req);
	} else if ((u32)req->x[3] == TOS_CMD_PING) {
		r.x[4] = self_id;
		r.x[5] = TOS_MAGIC;
		r.x[6] = served;
	} else if (!tos_serve(&r, req, self_id)) {
		r.x[3] = TOS_ERR_UNKNOWN_CMD;
	}
	return r;
}

void tos_main(u64 boot_info)
{
	struct ffa_value id = ffa_smc((struct ffa_value){ { FFA_ID_GET } });
	struct ffa_value msg = { { FFA_MSG_WAIT } };

	log_init("", con_putc);
	self_id = (u16)id.x[2];
	tos_mmu_init();
	tos_ta_access_load(boot_info);
	/* descriptors in v1.1 layouts from now on */
	ffa_smc(ffa_value8(FFA_VERSION, FFA_VERSION_1_1, 0, 0, 0, 0, 0, 0));
	if (tos_mem_init())
		log_printf("cannot map RX/TX buffers: no memory sharing\n");
	log_printf("trusted OS up at S-EL1, partition 0x%04x, MMU on%s\n",
		   self_id,
#ifdef TOS_PROBE
		   " (probe build)"
#else
		   ""
#endif
	);
	msg = ffa_smc(msg);
	for (;;) {
		switch ((u32)msg.x[0]) {
		case FFA_MSG_SEND_DIRECT_REQ_32:
		case FFA_MSG_SEND_DIRECT_REQ_64:
			msg = serve(&msg);
			msg = ffa_smc(msg);
			break;
		default:
			/* FFA_RUN or anything unexpected: back to waiting */
			msg = ffa_smc((struct ffa_value){ { FFA_MSG_WAIT } });
			break;
		}
	}
}
