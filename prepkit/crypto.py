"""Passphrase to key (Argon2id) and authenticated encryption (AES-256-GCM).

Envelope encryption: each household has a random data key that encrypts its plan and its PDFs.
The data key itself is only ever stored wrapped (encrypted) by a key-encryption key: one derived
from the family's passphrase and, where the family consents, one belonging to the school staff.
Changing a passphrase or withdrawing consent then rewraps 32 bytes instead of re-encrypting data.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import asdict, dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16


class DecryptionError(Exception):
    """Wrong key or passphrase, or the ciphertext was altered."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters, stored beside every wrapped key so they can be raised later.

    The default exceeds OWASP's Password Storage Cheat Sheet (2025) floor for Argon2id
    (m=19 MiB, t=2, p=1): 64 MiB, 3 passes, ~0.2-0.4 s on a school laptop.
    """

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 1
    salt: bytes = b""

    def with_new_salt(self) -> KdfParams:
        return KdfParams(self.time_cost, self.memory_kib, self.parallelism, os.urandom(SALT_BYTES))

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["salt"] = self.salt.hex()
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> KdfParams:
        return cls(
            time_cost=int(data["time_cost"]),  # type: ignore[call-overload]
            memory_kib=int(data["memory_kib"]),  # type: ignore[call-overload]
            parallelism=int(data["parallelism"]),  # type: ignore[call-overload]
            salt=bytes.fromhex(str(data["salt"])),
        )


#: Raised for production; tests lower it through this one name to stay fast.
DEFAULT_KDF = KdfParams()


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def derive_key(passphrase: str, params: KdfParams) -> bytes:
    if not params.salt:
        raise ValueError("a key derivation needs a salt")
    return hash_secret_raw(
        secret=passphrase.encode("utf-8"),
        salt=params.salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def seal(key: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    """nonce || ciphertext+tag.  ``aad`` binds a blob to its row so rows cannot be swapped."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def unseal(key: bytes, blob: bytes, aad: bytes = b"") -> bytes:
    if len(blob) < NONCE_BYTES + 16:
        raise DecryptionError("ciphertext too short")
    try:
        return AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad)
    except InvalidTag:
        raise DecryptionError("wrong key or altered data") from None


def passphrase_strength(passphrase: str) -> int:
    """A rough 0-4 score for the strength hint: length and variety, no dictionary.

    Families choose these at a kiosk with a liaison beside them; the hint nudges towards a
    few words rather than enforcing rules nobody will remember.
    """
    if not passphrase:
        return 0
    classes = sum(
        any(test(ch) for ch in passphrase)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    words = len(passphrase.split())
    score = 0
    score += len(passphrase) >= 8
    score += len(passphrase) >= 12
    score += len(passphrase) >= 16 or words >= 3
    score += classes >= 3 or words >= 4
    if len(set(passphrase)) <= 2:
        score = 0
    return min(score, 4)


# --- public-key wrapping, for the school staff --------------------------------------------------
#
# A kiosk runs family sessions without the staff passphrase, yet must be able to share a household
# with the staff when the family consents.  So the staff holds an X25519 key pair: the public half
# is stored in clear and anyone can wrap *to* it; only the private half (itself stored wrapped under
# the staff passphrase) can unwrap.  Each wrap uses a fresh ephemeral key (ECIES-style), so two
# wraps of the same data key look unrelated.

X25519_BYTES = 32
_WRAP_INFO = b"prepkit x25519 key wrap v1"


def new_keypair() -> tuple[bytes, bytes]:
    """A fresh X25519 key pair as raw bytes: (private, public)."""
    private = X25519PrivateKey.generate()
    return _raw_private(private), _raw_public(private.public_key())


def public_key_of(private: bytes) -> bytes:
    return _raw_public(X25519PrivateKey.from_private_bytes(private).public_key())


def _raw_private(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def _wrap_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    # Both public keys go into the salt so a wrap is tied to this exact exchange.
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=ephemeral_public + recipient_public,
        info=_WRAP_INFO,
    ).derive(shared)


def seal_to_public(recipient_public: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    """ephemeral public key || seal(HKDF(X25519(ephemeral, recipient)), plaintext, aad)."""
    try:
        recipient = X25519PublicKey.from_public_bytes(recipient_public)
    except ValueError:
        raise DecryptionError("not an X25519 public key") from None
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _raw_public(ephemeral.public_key())
    key = _wrap_key(ephemeral.exchange(recipient), ephemeral_public, recipient_public)
    return ephemeral_public + seal(key, plaintext, aad)


def open_with_private(private: bytes, blob: bytes, aad: bytes = b"") -> bytes:
    """The inverse of ``seal_to_public``; ``DecryptionError`` for the wrong key or altered data."""
    return opener(private)(blob, aad)


def opener(private: bytes) -> Callable[[bytes, bytes], bytes]:
    """``open_with_private`` for many blobs under one private key: the key is parsed once.

    The counselor's desk opens one wrap per family; parsing the staff key and deriving its
    public half for each of 8,000 families was a quarter of the desk's loading time."""
    try:
        own = X25519PrivateKey.from_private_bytes(private)
    except ValueError:
        raise DecryptionError("wrong key or altered data") from None
    own_public = _raw_public(own.public_key())

    def open_one(blob: bytes, aad: bytes = b"") -> bytes:
        if len(blob) < X25519_BYTES + NONCE_BYTES + 16:
            raise DecryptionError("ciphertext too short")
        ephemeral_public = blob[:X25519_BYTES]
        try:
            shared = own.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
        except ValueError:  # malformed key, or an all-zero shared secret from a crafted point
            raise DecryptionError("wrong key or altered data") from None
        key = _wrap_key(shared, ephemeral_public, own_public)
        return unseal(key, blob[X25519_BYTES:], aad)

    return open_one


def is_weaker(params: KdfParams, than: KdfParams) -> bool:
    """True when ``params`` cost less than ``than``: such a wrapped key is rewrapped on unlock."""
    return params.time_cost < than.time_cost or params.memory_kib < than.memory_kib
