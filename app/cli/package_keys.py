"""`stationdesk package keys`: the county's key pair for data packages.

    package keys create   (county)  a new key pair; the private key sealed with a passphrase
    package keys install  (station or county) keep the county's public key in a database
    package keys show     how this database's packages are sealed, with the key's fingerprint,
                          and the station's signing key
    package keys trust    (county administrator) register a station's signing public key

A station signs the packages it seals for the county's key with a signing key of its own,
made when it installs the county's key; the county registers it from the station's next
package by password, or from its public key file (`trust`).

The passphrase comes from STATIONDESK_KEY_PASSPHRASE or a prompt; it is never printed.
A station with the county's public key seals its packages for it (no password needed);
at the county, a public key installed in the county's database goes out in every return
package. People compare the fingerprint by phone.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.context import Context, read_password
from app.domain.errors import InvalidInput
from app.services.packages.keys import PRIVATE_NAME, PUBLIC_NAME, KeyFile, create_key_pair
from app.services.packages.signing import SigningKey
from app.store.location import data_dir

ENV_KEY_PASSPHRASE = "STATIONDESK_KEY_PASSPHRASE"


def add_key_parsers(kinds: Any, common: argparse.ArgumentParser) -> None:
    keys = kinds.add_parser("keys", help="县里的密钥对：站点用县里的公钥加密数据包")
    actions = keys.add_subparsers(dest="action", metavar="操作", required=True)
    create = actions.add_parser("create", help="（县里）生成密钥对，私钥用口令加密保存")
    create.add_argument(
        "--out",
        metavar="DIR",
        help=f"保存到这个文件夹（默认：本程序的数据文件夹）：{PRIVATE_NAME}、{PUBLIC_NAME}",
    )
    create.set_defaults(handler=run_create)
    install = actions.add_parser("install", parents=[common], help="装入县里的公钥")
    install.add_argument("public", metavar="PUBKEY", help=f"县里的公钥文件（{PUBLIC_NAME}）")
    install.set_defaults(handler=run_install)
    show = actions.add_parser("show", parents=[common], help="显示数据包怎样加密（公钥指纹）")
    show.set_defaults(handler=run_show)
    trust = actions.add_parser(
        "trust", parents=[common], help="（县里）登记站点的签名公钥（站点交来的文件）"
    )
    trust.add_argument("--station", required=True, metavar="CODE", help="站点代码")
    trust.add_argument(
        "public", metavar="PUBKEY", help="站点的签名公钥文件（signing-key-….pub.pem）"
    )
    trust.set_defaults(handler=run_trust)


def passphrase(*, confirm: bool = False) -> str:
    return read_password(
        "私钥口令：", variable=ENV_KEY_PASSPHRASE,
        again="再输入一次私钥口令：" if confirm else "", mismatch="两次输入的私钥口令不一致。",
    )  # fmt: skip


def key_file(given: str | None) -> KeyFile:
    """The county's private key: `--key`, else the one in the data folder; and its passphrase."""
    path = Path(given) if given else data_dir() / PRIVATE_NAME
    if not path.exists():
        raise InvalidInput(
            f"这个数据包用县里的公钥加密，要用县里的私钥打开：找不到 {path}，"
            "请用 --key 指定私钥文件。"
        )
    return KeyFile(path, passphrase())


def run_create(ctx: Context) -> int:
    folder = Path(ctx.args.out) if ctx.args.out else data_dir()
    made = create_key_pair(folder, passphrase(confirm=True))
    print(f"已生成县里的密钥对。公钥指纹：{made.public.fingerprint}")
    print(f"  私钥（口令加密，只留在县里，并另做备份）：{made.private_path}")
    print(f"  公钥（发给各站点）：{made.public_path}")
    print(
        "  装入县数据库后，回执包会把公钥带给站点："
        f"stationdesk package keys install --db 县数据库 --user 管理员 {made.public_path}"
    )
    return 0


def run_install(ctx: Context) -> int:
    try:
        pem = Path(ctx.args.public).read_bytes()
    except OSError:
        raise InvalidInput(f"打不开公钥文件：{ctx.args.public}") from None
    with ctx.desk() as desk:
        key = desk.packages.install_county_key(pem=pem)
        signing = desk.packages.signing_key()
    print(f"已装入县里的公钥，指纹：{key.fingerprint}")
    print("请打电话与县里核对指纹；今后的数据包用这把公钥加密（--password 仍可改用数据包密码）。")
    if signing is not None:
        _print_signing(signing)
        print(
            "  县里要先登记这把签名公钥：用数据包密码发送下一个数据包（--password），"
            "或把上面的公钥文件交给县里（package keys trust）。"
        )
    return 0


def _print_signing(signing: SigningKey) -> None:
    print(f"本站的签名公钥指纹：{signing.fingerprint}")
    if signing.path is not None:
        print(f"  签名公钥文件：{signing.path}")


def run_show(ctx: Context) -> int:
    with ctx.desk() as desk:
        key = desk.packages.county_key()
        signing = desk.packages.signing_key()
    if key is None:
        print("数据包用县里给的数据包密码加密（没有装入县里的公钥）。")
    else:
        print(f"数据包用县里的公钥加密，公钥指纹：{key.fingerprint}")
    if signing is not None:
        _print_signing(signing)
    return 0


def run_trust(ctx: Context) -> int:
    try:
        pem = Path(ctx.args.public).read_bytes()
    except OSError:
        raise InvalidInput(f"打不开签名公钥文件：{ctx.args.public}") from None
    with ctx.desk() as desk:
        key = desk.packages.trust_signing_key(station_code=ctx.args.station, pem=pem)
    print(f"已为站点 {ctx.args.station} 登记签名公钥，指纹：{key.fingerprint}")
    print("请打电话与站点核对指纹；该站点用县里公钥加密的数据包须由这把密钥签名。")
    return 0
