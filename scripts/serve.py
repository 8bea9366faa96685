"""Start the app: `python scripts/serve.py [streamlit run options]` (what `make run` does).

Why not plain `streamlit run app.py`? Because this project keeps its page files in `pages/`
(registered explicitly with st.navigation), Streamlit's legacy multipage mode takes the first
script run of every new server process, and a deep link such as /sammenligning then shows a
"Page not found" dialog once (e.g. the first participant to scan a workshop QR code after a
restart). Streamlit decides that with a process-wide flag that st.navigation clears on the first
run; clearing it before the server starts gives every session the navigation-only behaviour.
"""

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parent.parent / "app.py"

if __name__ == "__main__":
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(APP), *sys.argv[1:]]
    sys.exit(cli.main())
