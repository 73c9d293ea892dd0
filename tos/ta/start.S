/* TA entry at S-EL0: into the GP entry points, then back by SVC. */
#include "tos/ta/ta_abi.h"

	.section .text.entry, "ax"
	.global	_start
/* x0 op, x1 session context, x2 command, x3 parameter types */
_start:
	bl	ta_dispatch	/* x0 result, x1 session context */
	mov	x8, #TA_SVC_RETURN
	svc	#0
	b	.
