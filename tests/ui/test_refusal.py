import pickle

from ikt_model.decision.weights import default_weights
from ikt_model.ui.refusal import Refusal


def test_a_refusal_names_its_parts_and_survives_serialisation():
    """Session state may be serialised (Streamlit's runner.enforceSerializableSessionState): the refusal is a
    module-level type, not one app.py defines anew on every run, so it pickles and reads back by name."""
    kept = default_weights()
    refusal = Refusal(12, "Minst én faktor må ha vekt over null.", kept, 3)
    back = pickle.loads(pickle.dumps(refusal))
    assert back == refusal and back.factor_id == 12 and back.kept == kept and back.number == 3
    assert back.message.startswith("Minst én faktor")
