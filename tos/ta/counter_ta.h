/* The monotonic-counter TA: UUID and commands. */
#ifndef TOS_TA_COUNTER_TA_H
#define TOS_TA_COUNTER_TA_H

/* 9c3d5e7f-0a1b-4c2d-8e3f-4a5b6c7d8e9f, as four w-register words */
#define COUNTER_TA_UUID 0x7f5e3d9c, 0x2d4c1b0a, 0x5b4a3f8e, 0x9f8e7d6c

/* value out (a low, b high): the counter after adding one. It never goes
 * back, for as long as the TEE runs, whoever calls. */
#define COUNTER_CMD_INCREMENT 0
#define COUNTER_CMD_READ 1

#endif
