"""A full room on one server: 200 phones over Streamlit's websocket protocol (scripts/load_workshop.py).

Usage: .venv/bin/python scripts/bench_room.py [--participants 200] [--window 15]

Prints the load client's figures against the targets for the workshop's own limit of 200
participants: every phone loads within 2 s; 0 acknowledged votes lost and every stored vote
confirmed to its phone; confirmation p95 < 1 s; facilitator view current within 3 s (p95); all
waiting phones together under 25 % of one core, before and after the reveal. About 2,5 minutes.
The figures are measurements on this machine (other load on it shows in the printed load average),
not assertions.
"""

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--window", type=float, default=15.0)
    args = parser.parse_args()
    sys.exit(subprocess.run([sys.executable, str(HERE / "load_workshop.py"), "--participants", str(args.participants),
                             "--window", str(args.window)]).returncode)
