"""Key derivation and the two ways a data key is wrapped: by passphrase and to a public key."""

from __future__ import annotations

import pytest

from prepkit import crypto

MIB = 1024


def test_class_default_meets_owasp_argon2id_guidance() -> None:
    # conftest lowers crypto.DEFAULT_KDF for speed; the class default is what ships.
    shipped = crypto.KdfParams()
    assert (shipped.memory_kib >= 19 * MIB and shipped.time_cost >= 2) or (
        shipped.memory_kib >= 46 * MIB and shipped.time_cost >= 1
    )
    assert shipped.parallelism >= 1


def test_derivation_is_deterministic_per_salt_and_needs_one() -> None:
    params = crypto.KdfParams(time_cost=1, memory_kib=8).with_new_salt()
    assert len(params.salt) == crypto.SALT_BYTES
    assert crypto.derive_key("pass", params) == crypto.derive_key("pass", params)
    assert crypto.derive_key("pass", params) != crypto.derive_key("Pass", params)
    other = params.with_new_salt()
    assert crypto.derive_key("pass", params) != crypto.derive_key("pass", other)
    with pytest.raises(ValueError):
        crypto.derive_key("pass", crypto.KdfParams(time_cost=1, memory_kib=8))


def test_kdf_params_survive_json() -> None:
    params = crypto.KdfParams(time_cost=4, memory_kib=12345, parallelism=2).with_new_salt()
    assert crypto.KdfParams.from_json(params.to_json()) == params


def test_is_weaker_compares_cost() -> None:
    base = crypto.KdfParams(time_cost=3, memory_kib=64 * MIB)
    assert crypto.is_weaker(crypto.KdfParams(time_cost=2, memory_kib=64 * MIB), base)
    assert crypto.is_weaker(crypto.KdfParams(time_cost=3, memory_kib=19 * MIB), base)
    assert not crypto.is_weaker(base.with_new_salt(), base)
    assert not crypto.is_weaker(crypto.KdfParams(time_cost=4, memory_kib=128 * MIB), base)


def test_seal_binds_associated_data() -> None:
    key = crypto.new_key()
    blob = crypto.seal(key, b"plan", b"household-a|plan")
    assert crypto.unseal(key, blob, b"household-a|plan") == b"plan"
    assert crypto.seal(key, b"plan", b"x") != crypto.seal(key, b"plan", b"x")  # fresh nonces
    with pytest.raises(crypto.DecryptionError):
        crypto.unseal(key, blob, b"household-b|plan")
    with pytest.raises(crypto.DecryptionError):
        crypto.unseal(crypto.new_key(), blob, b"household-a|plan")
    tampered = bytearray(blob)
    tampered[-1] ^= 1
    with pytest.raises(crypto.DecryptionError):
        crypto.unseal(key, bytes(tampered), b"household-a|plan")
    with pytest.raises(crypto.DecryptionError):
        crypto.unseal(key, b"short", b"")


def test_public_key_wrap_round_trip() -> None:
    private, public = crypto.new_keypair()
    assert crypto.public_key_of(private) == public
    data_key = crypto.new_key()
    blob = crypto.seal_to_public(public, data_key, b"household-a|key")
    assert crypto.open_with_private(private, blob, b"household-a|key") == data_key
    # Each wrap uses a fresh ephemeral key: two wraps of one key share nothing visible.
    again = crypto.seal_to_public(public, data_key, b"household-a|key")
    assert again[: crypto.X25519_BYTES] != blob[: crypto.X25519_BYTES]
    assert data_key not in blob


def test_public_key_wrap_refuses_wrong_key_wrong_aad_and_tampering() -> None:
    private, public = crypto.new_keypair()
    other_private, _ = crypto.new_keypair()
    blob = crypto.seal_to_public(public, b"k" * 32, b"aad")
    with pytest.raises(crypto.DecryptionError):
        crypto.open_with_private(other_private, blob, b"aad")
    with pytest.raises(crypto.DecryptionError):
        crypto.open_with_private(private, blob, b"other aad")
    for index in (0, crypto.X25519_BYTES + 3, len(blob) - 1):  # ephemeral key, nonce, tag
        tampered = bytearray(blob)
        tampered[index] ^= 0x40
        with pytest.raises(crypto.DecryptionError):
            crypto.open_with_private(private, bytes(tampered), b"aad")
    with pytest.raises(crypto.DecryptionError):
        crypto.open_with_private(private, blob[:40], b"aad")
    with pytest.raises(crypto.DecryptionError):
        crypto.seal_to_public(b"not a key", b"k", b"")
