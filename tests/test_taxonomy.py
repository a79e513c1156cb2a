from worker.coder.taxonomy import CAMEO_ROOT, EVENT_TYPES, QUAD_CLASS, cameo_root, quad_class


def test_sixteen_types_with_quad_and_root() -> None:
    assert len(EVENT_TYPES) == 16
    assert set(QUAD_CLASS) == set(EVENT_TYPES) == set(CAMEO_ROOT)


def test_quad_classes() -> None:
    assert quad_class("CONCEDE") == "verbal_cooperation"
    assert quad_class("RETREAT") == "material_cooperation"
    assert quad_class("THREATEN") == "verbal_conflict"
    assert quad_class("PROTEST") == "material_conflict"
    assert quad_class("SANCTION") == "verbal_conflict"  # the manual's numeric quad table


def test_cameo_roots_follow_type_mode_and_context() -> None:
    assert cameo_root("ACCUSE", "disapprove") == "11"
    assert cameo_root("ACCUSE", "investigate") == "09"
    assert cameo_root("ASSAULT", "beat") == "18"
    assert cameo_root("ASSAULT", None, ["military"]) == "19"
    assert cameo_root("ASSAULT", "massacre") == "20"
    assert cameo_root("CONSULT", "phone") == "04"


def test_a_concession_carried_out_is_cameo_yield_and_material_cooperation() -> None:
    assert quad_class("CONCEDE", carried_out=True) == "material_cooperation"
    assert cameo_root("CONCEDE", None, [], carried_out=True) == "08"
    assert cameo_root("CONCEDE", None) == "03"  # 035: express intent to yield
    assert quad_class("AGREE", carried_out=True) == "verbal_cooperation"  # only concessions
