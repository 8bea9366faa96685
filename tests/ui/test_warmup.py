from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.ui.warmup import warm


def test_warm_reads_the_knowledge_base_once_for_the_process_and_times_each_step():
    default_knowledge_base.cache_clear()
    steps = warm()
    assert list(steps) == ["imports", "knowledge base", "evaluation", "figures"]
    assert all(seconds >= 0 for seconds in steps.values())
    assert default_knowledge_base.cache_info().currsize == 1  # the first page run finds it cached
