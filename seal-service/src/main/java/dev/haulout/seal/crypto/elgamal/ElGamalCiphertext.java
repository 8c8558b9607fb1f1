package dev.haulout.seal.crypto.elgamal;

import dev.haulout.seal.crypto.bls.G1Point;

/** An ElGamal ciphertext in G1: {@code (c1, c2) = (g1^k, enc_key^k + m)}. */
public record ElGamalCiphertext(G1Point c1, G1Point c2) {}
