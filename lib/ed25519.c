/* Ed25519 signatures (RFC 8032) on edwards25519, freestanding. */
#include "lib/ed25519.h"
#include "lib/sha512.h"
#include "lib/string.h"

/*
 * Field elements mod p = 2^255 - 19 in five 51-bit limbs: a product of two
 * limbs fits in 128 bits with room for five such sums and the factor 19
 * that folds 2^255 back to the bottom (2^255 = 19 mod p). Between
 * operations every limb stays below 2^52; only fe_tobytes reduces fully.
 */
__extension__ typedef unsigned __int128 u128;
typedef u64 fe[5];

#define MASK51 ((1ULL << 51) - 1)

/* Extended coordinates: x = X/Z, y = Y/Z, x*y = T/Z. */
struct ge {
	fe x, y, z, t;
};

static const fe fe_zero, fe_one = { 1 };
static const fe fe_d = { 0x34dca135978a3ULL, 0x1a8283b156ebdULL,
			 0x5e7a26001c029ULL, 0x739c663a03cbbULL,
			 0x52036cee2b6ffULL };
static const fe fe_sqrtm1 = { 0x61b274a0ea0b0ULL, 0xd5a5fc8f189dULL,
			      0x7ef5e9cbd0c60ULL, 0x78595a6804c9eULL,
			      0x2b8324804fc1dULL };
static const struct ge base = {
	{ 0x62d608f25d51aULL, 0x412a4b4f6592aULL, 0x75b7171a4b31dULL,
	  0x1ff60527118feULL, 0x216936d3cd6e5ULL },
	{ 0x6666666666658ULL, 0x4ccccccccccccULL, 0x1999999999999ULL,
	  0x3333333333333ULL, 0x6666666666666ULL },
	{ 1 },
	{ 0x68ab3a5b7dda3ULL, 0xeea2a5eadbbULL, 0x2af8df483c27eULL,
	  0x332b375274732ULL, 0x67875f0fd78b7ULL },
};
static const struct ge identity = { { 0 }, { 1 }, { 1 }, { 0 } };
static const u8 zero[32]; /* the second scalar when there is only one */

/* L = 2^252 + 27742317777372353535851937790883648493, little-endian words */
static const u32 order[8] = {
	0x5cf5d3ed, 0x5812631a, 0xa2f79cd6, 0x14def9de, 0, 0, 0, 0x10000000,
};

/* Through a volatile pointer, so the compiler cannot drop it as dead. */
static void wipe(void *p, size_t n)
{
	volatile u8 *v = p;

	while (n--)
		*v++ = 0;
}

static void fe_carry(fe h)
{
	u64 c;
	unsigned i;

	for (i = 0; i < 4; i++) {
		h[i + 1] += h[i] >> 51;
		h[i] &= MASK51;
	}
	c = h[4] >> 51;
	h[4] &= MASK51;
	h[0] += 19 * c;
}

static void fe_add(fe h, const fe f, const fe g)
{
	unsigned i;

	for (i = 0; i < 5; i++)
		h[i] = f[i] + g[i];
	fe_carry(h);
}

/* Adding 4p first keeps every limb positive for any g below 2^53. */
static void fe_sub(fe h, const fe f, const fe g)
{
	unsigned i;

	h[0] = f[0] + 0x1fffffffffffb4ULL - g[0];
	for (i = 1; i < 5; i++)
		h[i] = f[i] + 0x1ffffffffffffcULL - g[i];
	fe_carry(h);
}

static void fe_neg(fe h, const fe f)
{
	fe_sub(h, fe_zero, f);
}

/*
 * Schoolbook product; a limb product that lands at 2^255 or above comes
 * back multiplied by 19. h may alias f or g: both are read before h is
 * written.
 */
static void fe_mul(fe h, const fe f, const fe g)
{
	u64 g1 = 19 * g[1], g2 = 19 * g[2], g3 = 19 * g[3], g4 = 19 * g[4];
	u128 t[5];
	u64 c = 0;
	unsigned i;

	t[0] = (u128)f[0] * g[0] + (u128)f[1] * g4 + (u128)f[2] * g3 +
	       (u128)f[3] * g2 + (u128)f[4] * g1;
	t[1] = (u128)f[0] * g[1] + (u128)f[1] * g[0] + (u128)f[2] * g4 +
	       (u128)f[3] * g3 + (u128)f[4] * g2;
	t[2] = (u128)f[0] * g[2] + (u128)f[1] * g[1] + (u128)f[2] * g[0] +
	       (u128)f[3] * g4 + (u128)f[4] * g3;
	t[3] = (u128)f[0] * g[3] + (u128)f[1] * g[2] + (u128)f[2] * g[1] +
	       (u128)f[3] * g[0] + (u128)f[4] * g4;
	t[4] = (u128)f[0] * g[4] + (u128)f[1] * g[3] + (u128)f[2] * g[2] +
	       (u128)f[3] * g[1] + (u128)f[4] * g[0];
	for (i = 0; i < 5; i++) {
		t[i] += c;
		h[i] = (u64)t[i] & MASK51;
		c = (u64)(t[i] >> 51);
	}
	/* c can reach 2^60 here, so 19 * c needs the wide type */
	t[0] = (u128)19 * c + h[0];
	h[0] = (u64)t[0] & MASK51;
	h[1] += (u64)(t[0] >> 51);
}

/*
 * z^e, where e has every bit set from 8 up to bit top and the low byte
 * low: that covers p - 2 = 2^255 - 21 (inversion) and (p - 5) / 8 =
 * 2^252 - 3 (square root). The exponent is public, so the branch is too.
 */
static void fe_pow(fe r, const fe z, int top, u8 low)
{
	fe x = { 1 };
	int i;

	for (i = top; i >= 0; i--) {
		fe_mul(x, x, x);
		if (i >= 8 || (low >> i & 1))
			fe_mul(x, x, z);
	}
	memcpy(r, x, sizeof(fe));
}

static void load_words(u32 *w, const u8 *s, unsigned n)
{
	unsigned i;

	for (i = 0; i < n; i++, s += 4)
		w[i] = (u32)s[0] | (u32)s[1] << 8 | (u32)s[2] << 16 |
		       (u32)s[3] << 24;
}

/* Bit 255 is ignored: in a point encoding it is the sign of x. */
static void fe_frombytes(fe h, const u8 s[32])
{
	u32 w[8];
	u64 w0, w1, w2, w3;

	load_words(w, s, 8);
	w0 = w[0] | (u64)w[1] << 32, w1 = w[2] | (u64)w[3] << 32;
	w2 = w[4] | (u64)w[5] << 32, w3 = w[6] | (u64)w[7] << 32;
	h[0] = w0 & MASK51;
	h[1] = (w0 >> 51 | w1 << 13) & MASK51;
	h[2] = (w1 >> 38 | w2 << 26) & MASK51;
	h[3] = (w2 >> 25 | w3 << 39) & MASK51;
	h[4] = w3 >> 12 & MASK51;
}

/* The canonical encoding, 0 <= value < p. */
static void fe_tobytes(u8 s[32], const fe f)
{
	fe h;
	u64 q, w[4];
	unsigned i;

	memcpy(h, f, sizeof(fe));
	fe_carry(h);
	/* now h < 2p, and h >= p exactly when h + 19 reaches 2^255 */
	q = (h[0] + 19) >> 51;
	for (i = 1; i < 5; i++)
		q = (h[i] + q) >> 51;
	h[0] += 19 * q;
	for (i = 0; i < 4; i++) {
		h[i + 1] += h[i] >> 51;
		h[i] &= MASK51;
	}
	h[4] &= MASK51; /* drops q * 2^255, completing h - q * p */
	w[0] = h[0] | h[1] << 51;
	w[1] = h[1] >> 13 | h[2] << 38;
	w[2] = h[2] >> 26 | h[3] << 25;
	w[3] = h[3] >> 39 | h[4] << 12;
	for (i = 0; i < 32; i++)
		s[i] = (u8)(w[i / 8] >> 8 * (i % 8));
}

/* Variable time: only for public values. */
static bool fe_equal(const fe f, const fe g)
{
	u8 a[32], b[32];

	fe_tobytes(a, f);
	fe_tobytes(b, g);
	return memcmp(a, b, 32) == 0;
}

/*
 * RFC 8032 5.1.4's addition. It is complete on this curve (a = -1 is a
 * square, d is not), so it also doubles and takes the identity, and the
 * scalar multiplication needs no special cases, hence no branches.
 * r may alias p or q.
 */
static void ge_add(struct ge *r, const struct ge *p, const struct ge *q)
{
	fe a, b, c, d, e, f, g, h;

	fe_sub(a, p->y, p->x);
	fe_sub(e, q->y, q->x);
	fe_mul(a, a, e);
	fe_add(b, p->y, p->x);
	fe_add(e, q->y, q->x);
	fe_mul(b, b, e);
	fe_mul(c, p->t, q->t);
	fe_mul(c, c, fe_d);
	fe_add(c, c, c);
	fe_mul(d, p->z, q->z);
	fe_add(d, d, d);
	fe_sub(e, b, a);
	fe_sub(f, d, c);
	fe_add(g, d, c);
	fe_add(h, b, a);
	fe_mul(r->x, e, f);
	fe_mul(r->y, g, h);
	fe_mul(r->t, e, h);
	fe_mul(r->z, f, g);
}

/* r = p where mask is all ones, r unchanged where it is zero */
static void ge_cmov(struct ge *r, const struct ge *p, u64 mask)
{
	unsigned i;

	for (i = 0; i < 5; i++) {
		r->x[i] ^= mask & (r->x[i] ^ p->x[i]);
		r->y[i] ^= mask & (r->y[i] ^ p->y[i]);
		r->z[i] ^= mask & (r->z[i] ^ p->z[i]);
		r->t[i] ^= mask & (r->t[i] ^ p->t[i]);
	}
}

/*
 * [s]P + [u]Q, one doubling per bit and one addition of 0, P, Q or P + Q
 * as the two bits say. All four are read and the one wanted is kept by
 * mask, so neither timing nor memory access depends on the scalars.
 */
static void ge_scalarmult2(struct ge *r, const u8 s[32], const struct ge *p,
			   const u8 u[32], const struct ge *q)
{
	struct ge tab[4] = { identity, *p, *q }, acc = identity, t;
	u64 bits, e, mask;
	int i;

	ge_add(&tab[3], p, q);
	for (i = 255; i >= 0; i--) {
		ge_add(&acc, &acc, &acc);
		bits = s[i / 8] >> (i % 8) & 1;
		bits |= (u64)(u[i / 8] >> (i % 8) & 1) << 1;
		t = tab[0];
		for (e = 1; e < 4; e++) {
			/* all ones when e == bits, without a comparison */
			mask = 0 - (((e ^ bits) - 1) >> 63);
			ge_cmov(&t, &tab[e], mask);
		}
		ge_add(&acc, &acc, &t);
	}
	*r = acc;
	wipe(tab, sizeof(tab));
	wipe(&acc, sizeof(acc));
	wipe(&t, sizeof(t));
}

static void ge_tobytes(u8 s[32], const struct ge *p)
{
	fe zi, x, y;
	u8 xb[32];

	fe_pow(zi, p->z, 254, 0xeb);
	fe_mul(x, p->x, zi);
	fe_mul(y, p->y, zi);
	fe_tobytes(s, y);
	fe_tobytes(xb, x);
	s[31] |= (u8)(xb[0] << 7);
}

/* RFC 8032 5.1.3; public input, so variable time. */
static bool ge_frombytes(struct ge *p, const u8 s[32])
{
	fe u, v, v3, t;
	u8 b[32];
	unsigned x_sign = s[31] >> 7;

	fe_frombytes(p->y, s);
	fe_tobytes(b, p->y);
	b[31] |= (u8)(x_sign << 7);
	if (memcmp(b, s, 32))
		return false; /* y >= p: a second encoding of a point */
	/* x^2 = u / v with u = y^2 - 1, v = d y^2 + 1 */
	fe_mul(u, p->y, p->y);
	fe_mul(v, u, fe_d);
	fe_sub(u, u, fe_one);
	fe_add(v, v, fe_one);
	/* candidate x = u v^3 (u v^7)^((p - 5) / 8) */
	fe_mul(v3, v, v);
	fe_mul(v3, v3, v);
	fe_mul(t, v3, v3);
	fe_mul(t, t, v);
	fe_mul(t, t, u);
	fe_pow(t, t, 251, 0xfd);
	fe_mul(t, t, v3);
	fe_mul(p->x, t, u);
	/* it is a root if v x^2 = u, off by sqrt(-1) if v x^2 = -u */
	fe_mul(t, p->x, p->x);
	fe_mul(t, t, v);
	if (!fe_equal(t, u)) {
		fe_neg(u, u);
		if (!fe_equal(t, u))
			return false; /* u / v is not a square: no such x */
		fe_mul(p->x, p->x, fe_sqrtm1);
	}
	fe_tobytes(b, p->x);
	if ((b[0] & 1) != x_sign) {
		if (fe_equal(p->x, fe_zero))
			return false; /* x = 0 has no negative */
		fe_neg(p->x, p->x);
	}
	memcpy(p->z, fe_one, sizeof(fe));
	fe_mul(p->t, p->x, p->y);
	return true;
}

/* t = r - L; returns the borrow, 1 exactly when r < L. */
static u32 sub_order(u32 t[8], const u32 r[8])
{
	u32 borrow = 0;
	u64 d;
	unsigned i;

	for (i = 0; i < 8; i++) {
		d = (u64)r[i] - order[i] - borrow;
		t[i] = (u32)d;
		borrow = (u32)(d >> 63);
	}
	return borrow;
}

/*
 * x mod L for a 512-bit x (16 little-endian words), one bit at a time:
 * shift in the next bit, subtract L if that does not go negative. Slow
 * next to Barrett reduction but short, and with no branch on the value,
 * which may be the nonce.
 */
static void sc_reduce(u8 out[32], const u32 x[16])
{
	u32 r[8] = { 0 }, t[8], bit, top, mask;
	unsigned j;
	int i;

	for (i = 511; i >= 0; i--) {
		bit = x[i / 32] >> (i % 32) & 1;
		for (j = 0; j < 8; j++) {
			top = r[j] >> 31;
			r[j] = r[j] << 1 | bit;
			bit = top;
		}
		mask = sub_order(t, r) - 1;
		for (j = 0; j < 8; j++)
			r[j] ^= mask & (r[j] ^ t[j]);
	}
	for (j = 0; j < 32; j++)
		out[j] = (u8)(r[j / 4] >> 8 * (j % 4));
	wipe(r, sizeof(r));
	wipe(t, sizeof(t));
}

/* SHA-512(a || b || msg) mod L, b optional; a may be the nonce prefix. */
static void hash_scalar(u8 out[32], const u8 a[32], const u8 *b,
			const void *msg, size_t len)
{
	struct sha512_ctx c;
	u8 d[64];
	u32 x[16];

	sha512_init(&c);
	sha512_update(&c, a, 32);
	if (b)
		sha512_update(&c, b, 32);
	sha512_update(&c, msg, len);
	sha512_final(&c, d);
	load_words(x, d, 16);
	sc_reduce(out, x);
	wipe(&c, sizeof(c));
	wipe(d, sizeof(d));
	wipe(x, sizeof(x));
}

/* s = (r + k * a) mod L; k * a + r < 2^508 + 2^253 fits the 512 bits. */
static void sc_muladd(u8 s[32], const u8 k[32], const u8 a[32], const u8 r[32])
{
	u32 kw[8], aw[8], x[16] = { 0 };
	u64 c;
	unsigned i, j;

	load_words(kw, k, 8);
	load_words(aw, a, 8);
	load_words(x, r, 8);
	for (i = 0; i < 8; i++) {
		c = 0;
		for (j = 0; j < 8; j++) {
			c += (u64)kw[i] * aw[j] + x[i + j];
			x[i + j] = (u32)c;
			c >>= 32;
		}
		x[i + 8] = (u32)c; /* no earlier row reached this word */
	}
	sc_reduce(s, x);
	wipe(aw, sizeof(aw));
	wipe(x, sizeof(x));
}

/* RFC 8032 5.1.5: the clamped scalar in h[0..31], the nonce prefix after. */
static void expand_key(u8 h[64], const u8 seed[32])
{
	struct sha512_ctx c;

	sha512_init(&c);
	sha512_update(&c, seed, 32);
	sha512_final(&c, h);
	wipe(&c, sizeof(c));
	h[0] &= 248;
	h[31] &= 127;
	h[31] |= 64;
}

void ed25519_public_key(u8 pub[32], const u8 seed[32])
{
	u8 h[64];
	struct ge a;

	expand_key(h, seed);
	ge_scalarmult2(&a, h, &base, zero, &identity);
	ge_tobytes(pub, &a);
	wipe(h, sizeof(h));
	wipe(&a, sizeof(a));
}

/*
 * sig is written only at the end, so it may overlap msg: were R written
 * first into the message, the second pass would hash other bytes than the
 * first, and two such signatures with one nonce give away the key.
 */
void ed25519_sign(u8 sig[64], const u8 seed[32], const u8 pub[32],
		  const void *msg, size_t len)
{
	u8 h[64], r[32], k[32], out[64];
	struct ge p;

	expand_key(h, seed);
	hash_scalar(r, h + 32, NULL, msg, len);
	ge_scalarmult2(&p, r, &base, zero, &identity);
	ge_tobytes(out, &p);
	hash_scalar(k, out, pub, msg, len);
	sc_muladd(out + 32, k, h, r);
	memcpy(sig, out, 64);
	wipe(h, sizeof(h));
	wipe(r, sizeof(r));
	wipe(&p, sizeof(p));
}

/*
 * Checks [S]B = R + [k]A by encoding [S]B + [k](-A) and comparing it
 * with R's bytes. That also rejects an R that is no point, or a point
 * encoded with y >= p: ge_tobytes only ever writes canonical encodings.
 */
bool ed25519_verify(const u8 sig[64], const u8 pub[32], const void *msg,
		    size_t len)
{
	struct ge a, p;
	u32 s[8], t[8];
	u8 k[32], r[32];

	load_words(s, sig + 32, 8);
	if (!sub_order(t, s))
		return false; /* S >= L: RFC 8032 5.1.7 forbids malleability */
	if (!ge_frombytes(&a, pub))
		return false;
	hash_scalar(k, sig, pub, msg, len);
	fe_neg(a.x, a.x);
	fe_neg(a.t, a.t);
	ge_scalarmult2(&p, sig + 32, &base, k, &a);
	ge_tobytes(r, &p);
	return memcmp(r, sig, 32) == 0;
}
