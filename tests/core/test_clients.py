"""The client address of a request (core/clients.py): the socket peer, or behind trusted
proxies the right-most X-Forwarded-For entry that is not itself a trusted proxy."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from starlette.datastructures import Headers

from core.clients import client_address, forwarded_for, parse_address, request_client_address

PROXIES = ["10.0.0.0/8", "192.0.2.7"]


def test_without_trusted_proxies_the_peer_is_the_client() -> None:
    assert client_address("203.0.113.9", ["198.51.100.1"], []) == "203.0.113.9"


def test_a_spoofed_header_from_an_untrusted_peer_is_ignored() -> None:
    assert client_address("203.0.113.9", ["198.51.100.1"], PROXIES) == "203.0.113.9"
    assert client_address("203.0.113.9", ["10.0.0.1"], PROXIES) == "203.0.113.9"


def test_a_trusted_proxy_names_the_client() -> None:
    assert client_address("192.0.2.7", ["198.51.100.1"], PROXIES) == "198.51.100.1"
    assert client_address("10.1.2.3", ["198.51.100.1"], PROXIES) == "198.51.100.1"


def test_a_chain_of_proxies_is_read_from_the_right() -> None:
    # The client sent a made-up entry; the proxies appended what they saw.
    chain = ["1.1.1.1", "198.51.100.1", "10.0.0.5", "10.0.0.6"]
    assert client_address("192.0.2.7", chain, PROXIES) == "198.51.100.1"


def test_the_entry_left_of_an_untrusted_hop_is_not_believed() -> None:
    # 198.51.100.1 is no proxy of ours: whatever it claims (10.0.0.9) is its own word.
    chain = ["10.0.0.9", "198.51.100.1", "10.0.0.5"]
    assert client_address("10.0.0.6", chain, PROXIES) == "198.51.100.1"


def test_when_every_hop_is_trusted_the_left_most_is_the_client() -> None:
    assert client_address("10.0.0.6", ["10.0.0.1", "10.0.0.5"], PROXIES) == "10.0.0.1"
    assert client_address("10.0.0.6", [], PROXIES) == "10.0.0.6"


def test_garbage_behind_a_trusted_proxy_stops_the_walk() -> None:
    assert client_address("10.0.0.6", ["unknown", "10.0.0.5"], PROXIES) == "10.0.0.5"


def test_no_peer_means_no_address() -> None:
    assert client_address(None, ["198.51.100.1"], PROXIES) is None


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("198.51.100.1", "198.51.100.1"),
        (" 198.51.100.1:4711 ", "198.51.100.1"),
        ("2001:DB8:0:0::1", "2001:db8::1"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("::ffff:198.51.100.1", "198.51.100.1"),
        ("fe80::1%eth0", "fe80::1"),
        ('"198.51.100.1"', "198.51.100.1"),
        ("unknown", None),
        ("", None),
        ("999.1.1.1", None),
    ],
)
def test_addresses_are_parsed_as_proxies_write_them(text: str, address: str | None) -> None:
    parsed = parse_address(text)
    assert (None if parsed is None else str(parsed)) == address


def test_ipv6_proxies_and_networks() -> None:
    proxies = ["2001:db8:1::/48"]
    assert client_address("2001:db8:1::5", ["2001:db8:9::1"], proxies) == "2001:db8:9::1"
    assert client_address("2001:db8:2::5", ["2001:db8:9::1"], proxies) == "2001:db8:2::5"
    # An IPv4 peer is never inside an IPv6 network, and the other way round.
    assert client_address("198.51.100.1", ["203.0.113.9"], proxies) == "198.51.100.1"


def test_several_headers_are_one_list() -> None:
    assert forwarded_for(["1.1.1.1, 2.2.2.2", "3.3.3.3", " ,"]) == [
        "1.1.1.1",
        "2.2.2.2",
        "3.3.3.3",
    ]


def test_a_request_gives_its_peer_and_headers() -> None:
    headers = Headers(
        raw=[
            (b"x-forwarded-for", b"198.51.100.1, 10.0.0.5"),
            (b"x-forwarded-for", b"10.0.0.4"),
        ]
    )
    behind_proxies = SimpleNamespace(client=SimpleNamespace(host="10.0.0.6"), headers=headers)
    assert request_client_address(behind_proxies, PROXIES) == "198.51.100.1"
    direct = SimpleNamespace(client=SimpleNamespace(host="203.0.113.9"), headers=headers)
    assert request_client_address(direct, PROXIES) == "203.0.113.9"
    assert request_client_address(SimpleNamespace(client=None, headers=headers), PROXIES) is None
    assert request_client_address(None, PROXIES) is None


def test_a_malformed_trusted_proxy_is_a_configuration_error() -> None:
    with pytest.raises(ValueError):
        client_address("10.0.0.6", [], ["not-a-network"])
