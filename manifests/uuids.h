/* Partition UUIDs, as the four 32-bit words FF-A carries in w1-w4. */
#ifndef MANIFESTS_UUIDS_H
#define MANIFESTS_UUIDS_H

/* alpha: 7c1a3e0b-52d4-4a8e-9f61-0b5e2c7d9a13 */
#define ALPHA_UUID_CELLS 0x0b3e1a7c 0x8e4ad452 0x5e0b619f 0x139a7d2c
/* beta: d2f09a64-3b17-4c55-8e2a-6a4f1c93b870 */
#define BETA_UUID_CELLS 0x649af0d2 0x554c173b 0x4f6a2a8e 0x70b8931c
/* keystore: 5a1e4c0d-8b3f-4e27-9c61-2f7d0b9e4a58 */
#define KEYSTORE_UUID_CELLS 0x0d4c1e5a 0x274e3f8b 0x7d2f619c 0x584a9e0b
/*
 * OP-TEE's FF-A UUID, 486178e0-e7f8-11e3-bc5e-0002a5d5c51b: every TEE that
 * speaks OP-TEE's message ABI also offers this service, which is how
 * Linux's OP-TEE driver finds it.
 */
#define OPTEE_UUID_CELLS 0xe0786148 0xe311f8e7 0x02005ebc 0x1bc5d5a5

#ifndef __ASSEMBLER__
#define ALPHA_UUID 0x0b3e1a7c, 0x8e4ad452, 0x5e0b619f, 0x139a7d2c
#define BETA_UUID 0x649af0d2, 0x554c173b, 0x4f6a2a8e, 0x70b8931c
#define KEYSTORE_UUID 0x0d4c1e5a, 0x274e3f8b, 0x7d2f619c, 0x584a9e0b
#define OPTEE_UUID 0xe0786148, 0xe311f8e7, 0x02005ebc, 0x1bc5d5a5
#endif

#endif
