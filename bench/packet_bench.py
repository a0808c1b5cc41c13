"""Exhibit packet benchmark (issues 6 and 17): build a packet of about ``pages`` pages from
``exhibits`` mixed exhibits (PDFs of several page sizes and rotations, and phone-size photos)
stored in a real encrypted store, and report the time and the peak memory of the build — with
the page-by-page verification (the default) and, in the same run from the same store, without.

The store is filled in this process; each build runs in a fresh child process (``--child``) that
unlocks the store and calls the packet service exactly as the command line does, so the peak
resident memory it reports (``ru_maxrss``) is the build's own plus the interpreter and libraries,
nothing left over from filling the store; the verification's worker process is counted on top
(its peak added to the build's: an upper bound). Targets: 1,000 pages with verification in <= 25 s
and <= 600 MB peak; 2,000 pages in <= 2.2x the 1,000-page time.

    python -m bench.packet_bench                 # 1,000 pages / 100 exhibits and 2,000 / 200
    python -m bench.packet_bench --pages 300 --exhibits 30
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from bench.packet_inputs import make_pdf
from clinic.domain.drafts import CaseDraft, ClientDraft, EvidenceDraft
from clinic.domain.enums import ClaimType, EvidenceCategory, EvidenceStatus, TranslationStatus
from clinic.domain.ids import CaseId
from clinic.reports.packet.builder import VERIFY_WORKERS
from clinic.services import cases, clients, evidence, lifecycle, packet
from clinic.storage import keys

TODAY = date(2026, 11, 28)
PASSPHRASE = "benchmark passphrase, synthetic data only"
TARGET_SECONDS_1000 = 25.0
TARGET_PEAK_MB = 600.0
TARGET_SCALING = 2.2
PHOTO_SHARE = 3  # every third exhibit is photos


def _photo(seed: int) -> bytes:
    """A 12-megapixel-like phone photo (4000x3000 is slow to make; 3200x2400 with texture and
    an EXIF orientation), a few hundred KB to a few MB as JPEG."""
    width, height = 3200, 2400
    noise = Image.effect_noise((width // 4, height // 4), 40 + seed % 30).resize((width, height))
    image = Image.merge(
        "RGB",
        (noise, noise.rotate(90, expand=False), noise.transpose(Image.Transpose.FLIP_LEFT_RIGHT)),
    )
    draw = ImageDraw.Draw(image)
    draw.rectangle((200, 200, 1400, 900), fill=(200 - seed % 50, 40, 40))
    draw.text((300, 1200), f"photo {seed}", fill=(255, 255, 255))
    exif = Image.Exif()
    exif[0x0112] = 6 if seed % 2 else 1
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, exif=exif.tobytes())
    return out.getvalue()


def _plan(pages: int, exhibits: int) -> list[tuple[str, int]]:
    """(kind, source pages) per exhibit so that the packet (with its tabs, cover, index and
    certificate of service) has about ``pages`` pages."""
    source_pages = max(exhibits, pages - exhibits - 2 - max(1, exhibits // 45))
    plan: list[tuple[str, int]] = []
    photo_exhibits = [i for i in range(exhibits) if i % PHOTO_SHARE == PHOTO_SHARE - 1]
    photos_each = 3
    photo_pages = photos_each * len(photo_exhibits)
    pdf_count = exhibits - len(photo_exhibits)
    per_pdf, extra = divmod(source_pages - photo_pages, max(1, pdf_count))
    pdf_seen = 0
    for i in range(exhibits):
        if i in photo_exhibits:
            plan.append(("photo", photos_each))
        else:
            plan.append(("pdf", max(1, per_pdf + (1 if pdf_seen < extra else 0))))
            pdf_seen += 1
    return plan


def fill_store(data_dir: Path, pages: int, exhibits: int) -> CaseId:
    keys.SCRYPT_N = 2**12  # the key wrap is not what is measured
    store = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(data_dir), passphrase=PASSPHRASE, actor="bench"
    )
    try:
        client = clients.intake_client(
            store=store,
            client=ClientDraft(
                family_name="Benchmark", given_name="Synthetic", a_number="A-201-555-123"
            ),
            today=TODAY,
        ).unwrap()
        case_id = cases.open_case(
            store=store,
            client_id=client,
            case=CaseDraft(claim_type=ClaimType.DEFENSIVE, forum_name="Test Immigration Court"),
            today=TODAY,
        ).unwrap()
        photos = [_photo(seed) for seed in range(6)]
        sizes = ("letter", "a4", "legal", "landscape")
        for i, (kind, count) in enumerate(_plan(pages, exhibits)):
            translated = i % 10 == 4
            draft = EvidenceDraft(
                title=f"Synthetic exhibit {i + 1} ({kind})",
                category=EvidenceCategory.CORROBORATION,
                language="es" if translated else "en",
                translation=TranslationStatus.TRANSLATED
                if translated
                else TranslationStatus.NOT_NEEDED,
                status=EvidenceStatus.RECEIVED,
            )
            item = evidence.add_evidence(
                store=store, case_id=case_id, evidence=draft, today=TODAY
            ).unwrap()
            if kind == "photo":
                for j in range(count):
                    evidence.attach_file(
                        store=store,
                        evidence_id=item,
                        source=io.BytesIO(photos[(i + j) % len(photos)]),
                        original_name=f"photo-{i}-{j}.jpg",
                    ).unwrap()
            else:
                data = make_pdf(
                    count, f"Exhibit {i + 1}", size=sizes[i % 4], rotate=90 if i % 7 == 3 else 0
                )
                evidence.attach_file(
                    store=store,
                    evidence_id=item,
                    source=io.BytesIO(data),
                    original_name=f"doc-{i}.pdf",
                ).unwrap()
        return case_id
    finally:
        store.lock()


def _child(data_dir: Path, case_id: int, out: Path, verify: bool = True) -> dict[str, Any]:
    passphrase = sys.stdin.readline().rstrip("\n")
    store = lifecycle.unlock_store(
        data_dir=lifecycle.resolve_data_dir(data_dir), passphrase=passphrase, actor="bench"
    )
    try:
        before = resource.getrusage(resource.RUSAGE_SELF)
        started = time.perf_counter()
        built = packet.build_packet(
            store=store,
            case_id=CaseId(case_id),
            folder=out,
            options=packet.PacketOptions(),
            today=TODAY,
            verify=verify,
        ).unwrap()
        seconds = time.perf_counter() - started
    finally:
        store.lock()
    after = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    worker_cpu = workers.ru_utime + workers.ru_stime
    worker_peak = workers.ru_maxrss / 1024
    return {
        "verified": verify,
        "seconds": seconds,
        "cpu_seconds": cpu + worker_cpu,  # all threads and workers; wall time follows the load
        "worker_cpu_seconds": worker_cpu,
        "load_average_1min": os.getloadavg()[0],
        # the build's process plus its verification workers at their largest (an upper bound)
        "peak_rss_mb": after.ru_maxrss / 1024 + VERIFY_WORKERS * worker_peak,
        "main_peak_rss_mb": after.ru_maxrss / 1024,
        "worker_peak_rss_mb": worker_peak,
        "rasterised_pages": len(built.rasterised),
        "rss_before_build_mb": before.ru_maxrss / 1024,
        "total_pages": built.total_pages,
        "exhibits": len(built.exhibits),
        "parts": [{"name": p.name, "mb": round(p.size / 1024 / 1024, 2)} for p in built.parts],
    }


def _build_in_child(data_dir: Path, case_id: int, out: Path, verify: bool) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    out.mkdir(parents=True)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.packet_child",  # its worker imports only that small module (see there)
            "--child",
            str(data_dir),
            str(case_id),
            str(out),
            *([] if verify else ["--no-verify"]),
        ],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=1800,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the packet build failed: {result.stderr.strip()[-2000:]}")
    measured: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return measured


def measure_packet(pages: int, exhibits: int, workdir: Path) -> dict[str, Any]:
    """Fill a store under ``workdir`` and build its packet in a child process, without and then
    with verification: time and peak of the verified build, the unverified one beside it."""
    data_dir = workdir / f"store-{pages}"
    started = time.perf_counter()
    case_id = fill_store(data_dir, pages, exhibits)
    fill_seconds = time.perf_counter() - started
    plain = _build_in_child(data_dir, case_id, workdir / f"packet-{pages}-plain", verify=False)
    measured = _build_in_child(data_dir, case_id, workdir / f"packet-{pages}", verify=True)
    measured.update(
        {
            "requested_pages": pages,
            "requested_exhibits": exhibits,
            "fill_seconds": fill_seconds,
            "largest_part_mb": max(p["mb"] for p in measured["parts"]),
            "target_peak_mb": TARGET_PEAK_MB,
            "peak_met": measured["peak_rss_mb"] <= TARGET_PEAK_MB,
            "without_verification": {
                key: plain[key] for key in ("seconds", "cpu_seconds", "peak_rss_mb")
            },
            "verification_time_ratio": measured["seconds"] / plain["seconds"],
        }
    )
    return measured


def run(sizes: list[tuple[int, int]], workdir: Path) -> dict[str, Any]:
    results = {f"{p}_pages": measure_packet(p, e, workdir) for p, e in sizes}
    first = results.get("1000_pages")
    second = results.get("2000_pages")
    if first is not None:
        first["target_seconds"] = TARGET_SECONDS_1000
        first["time_met"] = first["seconds"] <= TARGET_SECONDS_1000
    if first is not None and second is not None:
        ratio = second["seconds"] / first["seconds"]
        second["ratio_to_1000"] = ratio
        second["target_ratio"] = TARGET_SCALING
        second["time_met"] = ratio <= TARGET_SCALING
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.packet_bench", description=__doc__)
    parser.add_argument(
        "--child", nargs=3, metavar=("DATA_DIR", "CASE_ID", "OUT"), help=argparse.SUPPRESS
    )
    parser.add_argument("--no-verify", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--pages", type=int)
    parser.add_argument("--exhibits", type=int)
    parser.add_argument(
        "--workdir", type=Path, help="where the synthetic store goes (default: a temporary folder)"
    )
    args = parser.parse_args(argv)
    if args.child:
        data_dir, case_id, out = args.child
        print(json.dumps(_child(Path(data_dir), int(case_id), Path(out), not args.no_verify)))
        return 0
    sizes = (
        [(args.pages, args.exhibits or max(1, args.pages // 10))]
        if args.pages
        else [(1000, 100), (2000, 200)]
    )
    with tempfile.TemporaryDirectory(prefix="clinic-packet-bench-", dir=args.workdir) as tmp:
        results = run(sizes, Path(tmp))
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
