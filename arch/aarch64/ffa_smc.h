/* An FF-A call by SMC, x0-x17 in and out (SMCCC 1.2), for any caller EL. */
#ifndef LIB_FFA_SMC_H
#define LIB_FFA_SMC_H

#include "lib/ffa.h"

struct ffa_value ffa_smc(struct ffa_value a);

#endif
