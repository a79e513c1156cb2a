"""Rules of the coder on invented wire-style sentences (one rule per test)."""

from __future__ import annotations

from typing import Any

from worker.coder import Article, code_article
from worker.schema import validator


def code(body: str, published: str = "2024-03-15T09:00:00Z") -> list[dict[str, Any]]:
    events = code_article(Article(id="t-1", body=body, published_at=published)).events
    for ev in events:
        validator("event.v1")(ev)
    return events


def one(body: str, event_type: str) -> dict[str, Any]:
    found = [e for e in code(body) if e["event_type"] == event_type]
    assert found, code(body)
    return found[0]


def countries(people: list[dict[str, Any]]) -> set[str]:
    return {str(p["country"]) for p in people}


def test_subject_actor_object_recipient() -> None:
    ev = one("France condemned Iran over the missile launch.", "ACCUSE")
    assert countries(ev["actor"]) == {"FRA"} and countries(ev["recipient"]) == {"IRN"}


def test_passive_by_agent() -> None:
    ev = one("A Syrian convoy was attacked by Turkish forces near the border.", "ASSAULT")
    assert "TUR" in countries(ev["actor"]) and "SYR" in countries(ev["recipient"])


def test_meeting_with_is_reciprocal() -> None:
    ev = one("Japan's prime minister met with Indian officials in Tokyo.", "CONSULT")
    assert countries(ev["actor"]) == {"JPN", "IND"} and ev["recipient"] == []


def test_visit_host_is_recipient() -> None:
    ev = one("The Kenyan president visited Ethiopia on Monday.", "CONSULT")
    assert ev["mode"] == "visit" and countries(ev["recipient"]) == {"ETH"}
    assert ev["date"] == "2024-03-11"  # the Monday before Friday 15 March


def test_reported_speech_and_speaker_fallback() -> None:
    # reported "would" is a promise (future), and promised aid is AGREE (manual)
    ev = one("Germany said it would send humanitarian aid to Sudan.", "AGREE")
    assert ev["reported"] and ev["future"] and not ev["hypothetical"]
    assert countries(ev["actor"]) == {"DEU"} and countries(ev["recipient"]) == {"SDN"}
    ev = one("Germany said it would send aid to Sudan if the fighting stopped.", "AID")
    assert ev["hypothetical"]
    assert types("Moscow said it would withdraw its troops from Georgia.") == ["CONCEDE"]


def test_speech_verb_alone_is_no_event() -> None:
    assert code("Brazil said the economy was recovering.") == []


def test_analysts_opinion_is_no_event() -> None:
    assert code("Analysts claim that Egypt will attack Ethiopia soon.") == []


def test_negation() -> None:
    ev = one("Chile did not sign the treaty with Peru.", "SUPPORT")
    assert ev["negated"]


def test_future_cooperation_becomes_agree() -> None:
    ev = one("Canada will provide military aid to Ukraine.", "AGREE")
    assert ev["future"] and countries(ev["actor"]) == {"CAN"}


def test_future_retreat_becomes_concede() -> None:
    assert one("Israel will withdraw troops from Lebanon.", "CONCEDE")


def test_conditional_is_hypothetical() -> None:
    evs = [
        e
        for e in code("Pakistan warned that if India attacks, it would respond.")
        if e["event_type"] == "ASSAULT"
    ]
    assert all(e["hypothetical"] for e in evs)


def test_governed_infinitive_is_absorbed() -> None:
    evs = code("Norway demanded that Russia release the detained journalists.")
    assert [e["event_type"] for e in evs] == ["REQUEST"]
    evs = code("Norway urged Russia to release the detained journalists.")  # an appeal: no event at all
    assert evs == []


def test_government_protest_is_accuse() -> None:
    ev = one("China protested the arms sale to Taiwan.", "ACCUSE")
    assert countries(ev["actor"]) == {"CHN"}


def test_civilian_protest_without_country_mention() -> None:
    evs = code("Thousands of protesters marched through the capital demanding new elections.")
    assert [e["event_type"] for e in evs][:1] == ["PROTEST"]


def test_non_political_sentences_yield_nothing() -> None:
    assert code("Brazil beat Argentina 2-1 in the World Cup qualifying match.") == []
    assert code("An earthquake killed 40 people in the mountains.") == []
    assert code("Shares of the carmaker fell 5% after quarterly earnings.") == []


def test_multiple_events_in_one_sentence() -> None:
    evs = code("Sweden expelled two Russian diplomats and Moscow condemned the decision.")
    assert {"SANCTION", "ACCUSE"} <= {e["event_type"] for e in evs}


def test_yesterday() -> None:
    ev = one("Police arrested an opposition leader in Uganda yesterday.", "COERCE")
    assert ev["date"] == "2024-03-14"


def test_never_raises_on_odd_input() -> None:
    for body in ["", "\n\n", "x" * 5000, "“”’", "to to to to", "said said that that"]:
        code_article(Article(id="odd", body=body))


def test_heading_not_double_counted() -> None:
    body = "Russia Attacks Ukraine\nRussian forces attacked Ukraine on Thursday, officials said."
    evs = [e for e in code(body) if e["event_type"] == "ASSAULT"]
    assert len(evs) == 1


# --- quality rules (invented sentences; one general rule each)


def types(body: str) -> list[str]:
    return [e["event_type"] for e in code(body)]


def test_statements_are_no_events() -> None:
    assert code("Chile declined to comment on the report.") == []
    assert code("The Taliban claimed responsibility for the attack in Kabul.") == []
    assert code("Hungary is considering sending aid to Serbia.") == []


def test_reported_opinion_is_no_event() -> None:
    body = "A Polish minister suggested that the Belarusian troop buildup is an attempt to scare Lithuania."
    assert code(body) == []


def test_definite_event_noun_is_background() -> None:
    assert code("The attack on the Iraqi embassy was the third this year.") == []


def test_governing_verb_decides() -> None:
    assert types("Spain condemned the raids on Moroccan villages.") == ["ACCUSE"]
    assert types("Ghana demanded sanctions against Togo.") == ["REQUEST"]
    assert types("Ghana called for sanctions against Togo.") == []  # an appeal (CAMEO 02)


def test_refusal_to_yield_is_reject() -> None:
    ev = one("The Kenyan government said it will not release the detained Ugandan fishermen.", "REJECT")
    assert not ev["negated"] and countries(ev["recipient"]) == {"UGA"}


def test_peacekeepers_are_aid() -> None:
    assert types("Norway sent 200 peacekeepers to the UN mission in Mali.") == ["AID"]


def test_light_and_phrasal_verbs() -> None:
    assert types("Sweden suspended aid to Zambia.") == ["SANCTION"]
    assert types("Finland hailed the Estonian reforms.") == ["SUPPORT"]
    assert types("Peru refuted the Chilean proposal.") == ["REJECT"]
    assert code("Peru refuted the Chilean claims.") == []  # a denial (CAMEO 016), not a rejection
    assert types("Thai truck drivers called off their strike.") == ["CONCEDE"]
    assert types("Belgium returned the looted statues to Congo.") == ["RETREAT"]
    assert types("Italy issued a warning to Libya.") == ["THREATEN"]
    assert types("Colombian rebels surrendered to the army.") == ["RETREAT"]
    assert types("Japan sent a team of medical experts to Nepal.") == ["AID"]
    assert types("Mali's junta pulled out of the regional bloc.") == ["SANCTION"]


def test_background_and_metaphor_are_no_events() -> None:
    assert types(
        "Kenya lifted its sanctions on Somalia, saying it had made progress fighting terrorism."
    ) == ["RETREAT"]
    assert types("Estonia sent medical supplies to Latvia amid renewed fighting in the region.") == ["AID"]


def test_reported_definite_noun_is_an_event() -> None:
    ev = one("The Malawian government announced the release of two Zambian journalists.", "RETREAT")
    assert countries(ev["actor"]) == {"MWI"}


def test_announced_coercion_is_a_threat() -> None:
    assert types("Uruguay will impose a curfew in Montevideo.") == ["THREATEN"]


def test_failure_to_agree_is_reject() -> None:
    assert types("Iceland and Norway failed to reach an agreement on fishing quotas.") == ["REJECT"]


def test_promised_concession_is_concede() -> None:
    assert types("The Cuban government agreed to release 50 political prisoners.") == ["CONCEDE"]
    assert types("Serbian police agreed to most of the demands of the Kosovo protesters.") == ["CONCEDE"]


def test_expelling_inspectors_is_sanction() -> None:
    assert types("Chad expelled two UN inspectors on Monday.") == ["SANCTION"]


def test_top_event_prefers_main_clause() -> None:
    from worker.coder.pipeline import top_event

    events = code("Portugal sent aid to Angola after rebels attacked a convoy near the Zambian border.")
    top = top_event(events)
    assert top is not None and top["event_type"] == "AID"


def test_wire_phrasings_of_material_cooperation_and_conflict() -> None:
    assert one("Namibia returned three stolen paintings to Angola.", "RETREAT")["mode"] == "return"
    assert types("Kabul announced a three-day cease-fire with the Taliban.") == ["RETREAT"]
    assert types("Laos announced a suspension of aid to Cambodia.") == ["SANCTION"]
    assert types("Moldovan officials violated the EU ban on Russian oil.") == ["REJECT"]


def test_unarmed_deployments_are_aid() -> None:
    assert types("Canada deployed three search-and-rescue teams to Haiti.") == ["AID"]
    assert types("The EU is mobilising additional funds to support Colombia.") == ["AID"]


def test_participle_between_commas_is_not_the_main_event() -> None:
    from worker.coder.pipeline import top_event

    events = code("Nine Turkish sailors, held captive in Somalia for months, have been freed.")
    top = top_event(events)
    assert top is not None and top["event_type"] == "RETREAT"


def test_press_and_order_nouns_are_no_requests() -> None:
    assert types("The Georgian government held a press conference in order to explain the budget.") == []


def test_concern_and_denials_are_statements() -> None:
    assert code("The Qatari envoy expressed concern about the escalation in Sudan.") == []
    assert code("The Thai government rejected accusations that it had covered up the outbreak.") == []


def test_handovers_reinforcements_and_suspended_supplies() -> None:
    assert types("Croatia handed over two tonnes of medical equipment to Bosnia.") == ["AID"]
    assert types("Russia has strengthened its forces in Transnistria.") == ["MOBILIZE"]
    assert types("Canada suspended food supplies to the Haitian army.") == ["SANCTION"]


def test_cyber_attacks_and_platform_blocks_are_coerce() -> None:
    ev = one("The Ethiopian government blocked Facebook and Telegram in the Tigray region.", "COERCE")
    assert ev["mode"] == "censor"
    body = "Iranian hackers carried out a ransomware attack on the Albanian government network."
    assert one(body, "COERCE")["mode"] == "cyber"


def test_escalation_of_a_definite_event_is_an_event() -> None:
    assert types("The Syrian army intensified its bombardment of the rebel-held suburbs.") == ["ASSAULT"]
    assert types("The Yemeni army halted its offensive against the rebels.") == ["RETREAT"]


def test_vow_of_conflict_is_a_threat() -> None:
    ev = one("The Hungarian prime minister vowed to annex the disputed Romanian province.", "THREATEN")
    assert countries(ev["actor"]) == {"HUN"}
    assert types("Ghana pledged to impose sanctions on Togo.") == ["THREATEN"]


def test_security_cooperation_and_troop_moves() -> None:
    assert types("Haiti and Suriname are expanding cooperation to combat drug smuggling.") == ["COOPERATE"]
    assert types("The Kenyan army began patrols in the border town of Mandera.") == ["MOBILIZE"]


def test_adjective_free_and_month_march_are_no_events() -> None:
    assert types("Peru and Chile signed a free trade agreement in March in Lima.") == ["SUPPORT"]
    assert types("Guatemala took legal action against the Mexican mining company.") == ["ACCUSE"]


def test_reported_obligation_is_a_request_by_the_speaker() -> None:
    ev = one("Russia says Israel must end its attacks on Syria.", "REQUEST")
    assert countries(ev["actor"]) == {"RUS"} and countries(ev["recipient"]) == {"ISR"}


def test_claimed_own_attack_is_a_statement() -> None:
    assert code("The rebels claimed that they had attacked the Ugandan army base.") == []


def test_withdrawing_or_forcing_out_missions_is_sanction() -> None:
    assert one("Qatar withdrew peacekeepers from the Eritrean border.", "SANCTION")["mode"] == "expel"
    assert types("Myanmar forced Bangladeshi aid workers out of Rakhine State.") == ["SANCTION"]


def test_participle_with_agent_is_a_description() -> None:
    body = "Syrian government forces backed by Russian warplanes continued their attacks on Idlib."
    assert types(body) == ["ASSAULT"]


def test_only_a_state_subject_protests_diplomatically() -> None:
    assert "ACCUSE" in types("Japan protested to China over the incursion.")
    body = "Zimbabwean police fired teargas to break up protests against the government."
    assert "ACCUSE" not in types(body)


def test_reported_must_is_a_demand_and_strikers_can_refuse() -> None:
    ev = one("Kenya said Uganda must ensure the safety of returnees.", "REQUEST")
    assert countries(ev["actor"]) == {"KEN"} and countries(ev["recipient"]) == {"UGA"}
    assert code("Israel must end the occupation.") == []  # an opinion unless someone demands it
    assert types("Kazakh oil workers will not end the strike until their pay is raised.") == ["REJECT"]


def test_top_event_scores_types_over_the_lede() -> None:
    from worker.coder.pipeline import top_event

    def ev(event_type: str, confidence: float, paragraph: int) -> dict[str, Any]:
        return {"event_type": event_type, "confidence": confidence, "paragraph_index": paragraph,
                "negated": False, "hypothetical": False}  # fmt: skip

    events = [ev("CONSULT", 0.9, 0), ev("ASSAULT", 0.6, 0), ev("ASSAULT", 0.6, 0), ev("SUPPORT", 0.99, 1)]
    top = top_event(events)
    assert top is not None and top["event_type"] == "ASSAULT"
    assert top_event([ev("AID", 0.5, 2) | {"negated": True}]) is None


def test_violence_by_protesters_is_a_riot() -> None:
    ev = one("Bolivian demonstrators hurled rocks at the police station.", "PROTEST")
    assert ev["mode"] == "riot"


def test_names_and_noun_uses_are_no_triggers() -> None:
    body = "Amnesty International issued a report accusing the Nigerian army of ignoring warning signs."
    assert types(body) == ["ACCUSE"]
    assert types("The Sudanese government declared an amnesty for rebel fighters.") == ["CONCEDE"]


def test_adverb_back_and_thanks_to_are_no_support() -> None:
    assert code("The skulls date back to the Inca era, Peru said.") == []
    assert code("Refugees in Germany received food, thanks to the Syrian community.") == []
    assert types("Japan hosted the ASEAN summit.") == ["CONSULT"]


def test_disasters_block_violence_not_aid_and_leagues_are_political() -> None:
    assert types("Japan sent emergency aid to Nepal after the earthquake.") == ["AID"]
    assert code("The earthquake in Nepal killed 40 people.") == []
    assert types("The Arab League condemned the Israeli strikes on Gaza.") == ["ACCUSE"]


def test_sources_report_facts_analysts_give_opinions() -> None:
    assert types("Sources said the Syrian army shelled the town of Douma.") == ["ASSAULT"]
    assert code("Some analysts said Egypt would attack Ethiopia.") == []


def test_dismissing_observers_is_sanction() -> None:
    assert types("Nicaragua fired five international observers.") == ["SANCTION"]


def test_united_states_is_no_speech_verb() -> None:
    ev = one("The United States must continue military aid to Egypt.", "AID")
    assert not ev["reported"] and countries(ev["actor"]) == {"USA"}


def test_fallback_actors() -> None:
    ev = one("Japanese peacekeepers arrived at the Juba airport.", "AID")
    assert countries(ev["actor"]) == {"JPN"}
    ev = one("The United Nations announced that it had reduced food aid to Syria.", "SANCTION")
    assert countries(ev["actor"]) == {"UNO"}
    ev = one("Hundreds of political prisoners have been released in Tripoli.", "RETREAT")
    assert countries(ev["actor"]) == {"LBY"}
    assert types("The Red Cross has provided financial assistance to 550 Syrian households.") == ["AID"]


def test_returns_in_the_passive_and_to_governments_and_working_meals() -> None:
    ev = one("An ancient Egyptian statue was returned to Egypt by French customs officials.", "RETREAT")
    assert countries(ev["actor"]) == {"FRA"} and countries(ev["recipient"]) == {"EGY"}
    ev = one("The United States returned two paintings to the government of Brazil.", "RETREAT")
    assert countries(ev["recipient"]) == {"BRA"}
    assert types("Obama had lunch with French President Emmanuel Macron in Paris.") == ["CONSULT"]


def test_top_event_prefers_the_earlier_trigger_on_equal_confidence() -> None:
    from worker.coder.pipeline import top_event

    def ev(event_type: str, trigger: str) -> dict[str, Any]:
        text = "Chad closed its border and Niger deployed troops along it."
        evidence = {"text": text, "trigger": trigger}
        return {"event_type": event_type, "confidence": 0.8, "paragraph_index": 0, "sentence_index": 0,
                "negated": False, "hypothetical": False, "evidence": evidence}  # fmt: skip

    top = top_event([ev("MOBILIZE", "deployed troops"), ev("COERCE", "closed its border")])
    assert top is not None and top["event_type"] == "COERCE"


def test_accepting_demands_and_agreeing_agreements() -> None:
    assert types("Nepal's government accepts the key demands by protesters in southern Nepal.") == ["CONCEDE"]
    assert types("Britain and the EU agreed a trade and cooperation agreement.") == ["SUPPORT"]


def test_veiled_threats() -> None:
    assert types("Iran said it would not hesitate to strike Israeli targets.") == ["THREATEN"]
    assert types("Washington said all options are on the table regarding Venezuela.") == ["THREATEN"]


def test_threat_modes_follow_the_act_threatened() -> None:
    assert one("Turkey threatened to arrest the Greek journalists.", "THREATEN")["mode"] == "arrest"
    assert one("Uruguay will impose a curfew in Montevideo.", "THREATEN")["mode"] == "restrict"
    assert (
        one("The Hungarian prime minister vowed to annex the disputed Romanian province.", "THREATEN")["mode"]
        == "territory"
    )


def test_subject_pronoun_takes_an_earlier_sentence_subject() -> None:
    body = (
        "Chancellor Olaf Scholz met the French president in Berlin. "
        "Later, Russia launched missiles at Kyiv. He condemned the strikes."
    )
    assert countries(one(body, "ACCUSE")["actor"]) == {"DEU"}  # not RUS, the previous event's actor
    body = "Kenya welcomed the statement. The talks were long. It demanded that both sides keep the truce."
    assert countries(one(body, "REQUEST")["actor"]) == {"KEN"}


def test_participle_backer_is_not_the_actor() -> None:
    ev = one("Syrian forces backed by Russian warplanes attacked rebel positions.", "ASSAULT")
    assert countries(ev["actor"]) == {"SYR"}


def test_place_is_the_recipient_of_aid_visits_and_domestic_coercion() -> None:
    ev = one("The United Nations sent food aid to flood victims in Bangladesh.", "AID")
    assert countries(ev["recipient"]) == {"BGD"}
    ev = one("German police raided the homes of suspected extremists in Berlin.", "COERCE")
    assert countries(ev["actor"]) == {"DEU"} and countries(ev["recipient"]) == {"DEU"}


def test_flag_state_of_a_seized_ship_is_the_recipient_never_the_actor() -> None:
    ev = one("Iran seized a British-flagged oil tanker in the Strait of Hormuz.", "COERCE")
    assert countries(ev["actor"]) == {"IRN"} and countries(ev["recipient"]) == {"GBR"}
    ev = one("The Indonesian navy intercepted a Vietnamese fishing vessel.", "COERCE")
    assert countries(ev["actor"]) == {"IDN"} and countries(ev["recipient"]) == {"VNM"}


def test_destination_does_not_control_a_purpose_infinitive() -> None:
    ev = one("Honduras sent a delegation to Costa Rica to discuss the border dispute.", "CONSULT")
    assert countries(ev["actor"]) == {"HND"}
    ev = one("France demanded that Iran release the two aid workers immediately.", "REQUEST")
    assert countries(ev["actor"]) == {"FRA"} and countries(ev["recipient"]) == {"IRN"}


def test_handing_over_weapons_is_disarming() -> None:
    ev = one("The rebels in Mali handed over their weapons to the army.", "RETREAT")
    assert ev["mode"] == "disarm" and countries(ev["actor"]) == {"MLI"}


def test_export_controls_are_sanctions_as_a_whole_phrase() -> None:
    ev = one("Japan imposed new export controls on chips on China.", "SANCTION")
    assert countries(ev["actor"]) == {"JPN"} and countries(ev["recipient"]) == {"CHN"}
    assert not [e for e in code("The new rules impose controls on exports.") if e["event_type"] == "SANCTION"]


def test_place_after_a_direction_word_replaces_a_countryless_recipient() -> None:
    ev = one("Turkish warplanes bombed Kurdish militant positions in northern Iraq.", "ASSAULT")
    assert countries(ev["actor"]) == {"TUR"} and countries(ev["recipient"]) == {"IRQ"}


def test_suspended_membership_and_strikes_on_power_plants() -> None:
    ev = one("The Arab League suspended Syria's membership over the crackdown.", "SANCTION")
    assert countries(ev["actor"]) == {"ARL"} and countries(ev["recipient"]) == {"SYR"}
    ev = one("Russian missiles struck a power plant in Odesa.", "ASSAULT")
    assert countries(ev["actor"]) == {"RUS"} and countries(ev["recipient"]) == {"UKR"}


def test_declared_ceasefire_and_lifted_emergency_are_retreat() -> None:
    # CAMEO2PLOVER 0871 (declare truce), 0813/0814 (ease curfew, state of emergency, martial law)
    assert one("Gabon declared a ceasefire with the rebels on Sunday.", "RETREAT")["mode"] == "ceasefire"
    assert types("Malawi lifted the state of emergency in Blantyre.") == ["RETREAT"]
    assert types("Peru ended the curfew in Lima on Monday.") == ["RETREAT"]
    # promised, they stay concessions (RETREAT + future is CONCEDE)
    assert types("Peru will lift the curfew in Lima on Friday.") == ["CONCEDE"]
    assert types("Gabon offered a ceasefire to the rebels.") == ["CONCEDE"]


def test_decision_taken_is_the_act_not_a_promise() -> None:
    assert one("Chile decided to withdraw its troops from Bolivia.", "RETREAT")["mode"] == "withdraw"
    assert one("Norway decided to lift its embargo on Belarus.", "RETREAT")["mode"] == "ease"
    assert types("The Cuban government promised to release 50 political prisoners.") == ["CONCEDE"]


def test_wire_phrasings_of_easing_access_and_aid() -> None:
    assert one("Canada rolled back its steel tariffs on Mexico.", "RETREAT")["mode"] == "ease"
    assert types("Ecuador offered concessions to Peru over the river border.") == ["CONCEDE"]
    granted = "Eritrea granted permission for the Red Cross to distribute food in Assab."
    assert one(granted, "RETREAT")["mode"] == "access"
    assert types("Brazil airlifted vaccines and medicine to Bolivia.") == ["AID"]
    assert types("Norway allocated 3 million kroner to the flood victims in Chad.") == ["AID"]


def test_arriving_troops_are_a_deployment_not_a_visit() -> None:
    assert one("Russian troops arrived in Belarus on Monday.", "MOBILIZE")["mode"] == "troops"
    assert types("Two hundred Ghanaian soldiers arrived in Lebanon to serve as UN peacekeepers.") == ["AID"]
    assert one("The chief of the Kenyan armed forces arrived in Paris.", "CONSULT")["mode"] == "visit"


def test_called_off_or_suspended_protest_is_concede() -> None:
    assert types("Teachers in Chile suspended their strike on Monday.") == ["CONCEDE"]
    assert types("The Kenyan opposition cancelled its weekly protests in Nairobi.") == ["CONCEDE"]
    assert types("Togo's opposition announced a suspension of street protests.") == ["CONCEDE"]
    suspended_aid = types("Norway suspended humanitarian aid to Chad in protest at the raids.")
    assert "SANCTION" in suspended_aid and "CONCEDE" not in suspended_aid


def test_decided_act_keeps_full_confidence() -> None:
    decided = one("Norway decided on Monday to lift its embargo on Belarus.", "RETREAT")
    urged = one("Norway ordered Sweden on Monday to lift its embargo on Belarus.", "REQUEST")
    assert decided["confidence"] > 0.85 and urged["confidence"] > 0


def test_promised_concessions_are_concede_not_agree() -> None:
    assert types("Fiji says it is ready to make concessions in the fishing talks.") == ["CONCEDE"]
    assert types("Chile gave a firm commitment to lift the curbs on Peruvian fruit.") == ["CONCEDE"]
    assert types("Chile committed to a new partnership with Peru.") == ["AGREE"]


def test_returning_seized_property_is_retreat_not_seizure() -> None:
    assert one("Fiji returned the seized vessels to Tonga on Monday.", "RETREAT")["mode"] == "return"
    assert types("Fiji returned the seized vessels to Tonga on Monday.") == ["RETREAT"]


def test_export_statistics_are_no_cooperation() -> None:
    assert "COOPERATE" not in types("Peru's exports of copper to Chile rose by 5 percent.")
    assert types("Peru exported wheat to Chile.") == ["COOPERATE"]


def test_ceasefire_taking_effect_and_curfew_removal_are_retreat() -> None:
    truce = "The truce between Armenia and Azerbaijan took effect on Monday."
    assert one(truce, "RETREAT")["mode"] == "ceasefire"
    assert types("Ghana's police chief announced the removal of the curfew in Tamale.") == ["RETREAT"]
    assert code("The attack on the embassy in Lima was a shock to Chile.") == []


def test_outcome_of_a_meeting_outranks_the_meeting() -> None:
    from worker.coder.pipeline import top_event

    events = code("Chile and Peru met in Lima on Monday and signed a trade agreement.")
    assert {e["event_type"] for e in events} == {"CONSULT", "SUPPORT"}
    top = top_event(events)
    assert top is not None and top["event_type"] == "SUPPORT"


def test_armed_and_help_are_no_aid_out_of_place() -> None:
    assert "AID" not in types("Chad vowed armed action against the rebel militias in the east.")
    assert types("Peru has given in to demands by the miners to help end the dispute.") == ["CONCEDE"]
    assert types("Iran armed the rebels in Yemen.") == ["AID"]


def test_increased_aid_is_aid() -> None:
    assert types("Japan doubled its aid to Nepal.") == ["AID"]
    assert types("Peru stepped up military aid to Chile.") == ["AID"]


def test_disbanding_forces_and_disarmament_are_retreat() -> None:
    assert (
        one("Mali's junta said it had disbanded the presidential guard force.", "RETREAT")["mode"] == "disarm"
    )
    assert one("Belarus began the demobilization of reservists on Monday.", "RETREAT")["mode"] == "disarm"
    assert code("Uruguay disbanded its national rugby team.") == []


def test_promises_to_yield_across_a_short_gap_are_concede() -> None:
    assert types("Chile has agreed with Peru to drop its claim to the lake.") == ["CONCEDE"]
    assert types("The Kenyan government met the demands of the striking teachers.") == ["CONCEDE"]
    assert types("Kenya met with the striking teachers to discuss their demands.") == ["CONSULT"]
    assert types("Chile agreed to hold talks with Peru.") == ["AGREE"]


def test_agreed_debt_relief_is_aid() -> None:
    # the manual's own example: an agreement to forgive loans is AID, not a promise (AGREE)
    assert types("Japan agreed to forgive half of Kenya's debt to Tokyo.") == ["AID"]
    assert types("Ghana's creditors agreed on Friday to a debt restructuring worth $2 billion.") == ["AID"]


def test_joint_drills_are_cooperate_solo_drills_mobilize() -> None:
    assert types("Chile and Bulgaria have begun jointly carrying out naval drills.") == ["COOPERATE"]
    assert types("Russian and Belarusian troops held military exercises near Poland.") == ["COOPERATE"]
    assert types("Russia held military drills near the border with Ukraine.") == ["MOBILIZE"]
    assert types("Russia held military exercises with Belarus.") == ["COOPERATE"]


def test_accused_deed_is_no_event_of_its_own() -> None:
    events = code(
        "Kenya accused Somali militants of bombing a bus station in Garissa, which killed six people."
    )
    assert {e["event_type"] for e in events} == {"ACCUSE"}
    events = code("After Peru accused Chile of shelling the border post, Peruvian troops attacked a camp.")
    assert {"ACCUSE", "ASSAULT"} <= {e["event_type"] for e in events}


def test_mobilize_yields_only_to_the_same_forces_using_force() -> None:
    moved = code("Nigerian army units were deployed to Maiduguri and opened fire on Boko Haram fighters.")
    assert "MOBILIZE" not in {e["event_type"] for e in moved}
    from worker.coder.pipeline import top_event

    top = top_event(code("Chad put its army on high alert after Sudanese militias attacked a border town."))
    assert top is not None and top["event_type"] == "MOBILIZE"


def test_ordering_troops_is_a_deployment() -> None:
    ev = one("The Kenyan president ordered troops to the northern border on Sunday.", "MOBILIZE")
    assert countries(ev["actor"]) == {"KEN"}
    assert types("The Kenyan president demanded that Somalia secure the northern border.") == ["REQUEST"]


def test_conditional_force_and_strike_threats() -> None:
    ev = one(
        "Iran said it would attack American bases if the United States struck its nuclear sites.", "THREATEN"
    )
    assert ev["mode"] == "violence" and not ev["hypothetical"]
    assert "THREATEN" in types("Teachers in Kenya threatened to strike next week.")


def test_cyber_attack_written_as_two_words() -> None:
    assert (
        one("Russian hackers launched a cyber attack on Estonia's tax office.", "COERCE")["mode"] == "cyber"
    )


def test_a_demand_backed_by_a_threat_is_the_threat() -> None:
    sentence = "Austria pressed Hungary to reopen the border crossing, threatening to halt all gas transit."
    assert types(sentence) == ["THREATEN"]
    assert types("Austria pressed Hungary to reopen the border crossing.") == ["REQUEST"]


def test_reported_obligation_after_said_on_a_day() -> None:
    body = "The Peruvian foreign minister said on Friday that the shelling of Ecuadorian villages must stop."
    assert countries(one(body, "REQUEST")["actor"]) == {"PER"}


def test_refuge_pressure_and_insults() -> None:
    assert types("Hundreds of Eritreans sought asylum in Sudan last month.") == ["REQUEST"]
    assert types("Kenya pressured Uganda to reopen the border.") == ["REQUEST"]
    assert types("The Bolivian president called the Chilean foreign minister an incompetent clown.") == [
        "ACCUSE"
    ]


def test_vow_to_step_up_attacks_is_a_threat() -> None:
    ev = one("The Taliban vowed to step up attacks on Afghan forces.", "THREATEN")
    assert ev["mode"] == "violence"


def test_using_force_and_announcing_it() -> None:
    assert types("Police in Lagos used excessive force against the crowd.")[0] == "ASSAULT"
    ev = one("Iran is ready to use force against any aggressor.", "THREATEN")
    assert ev["mode"] == "violence"


def test_the_deed_of_a_conviction_is_no_event() -> None:
    body = "A court in Nairobi convicted a former Kenyan army officer of the torture of prisoners."
    assert types(body) == ["SANCTION"]


def test_deployments_to_train_and_joint_war_games() -> None:
    body = "A Chilean army unit deployed to Bolivia to train border guards."
    assert types(body) == ["AID"]
    assert "COOPERATE" in types("Chile, Peru and their allies staged war games in the Pacific.")


def test_a_strike_announced_on_a_condition_is_a_threat() -> None:
    ev = one("Kenyan teachers said they would go on strike if wages are not raised.", "THREATEN")
    assert ev["mode"] == "restrict"


def test_quoted_outrage_and_new_inquiries() -> None:
    assert types('Portugal said it was "outraged" by the shelling of the Angolan border town.') == ["ACCUSE"]
    assert types("Ecuador is setting up a commission to examine prison deaths.") == ["ACCUSE"]


def test_sown_disinformation_and_enforced_curfews() -> None:
    ev = one("Russian agencies sowed disinformation ahead of the Moldovan election, the EU said.", "COERCE")
    assert ev["mode"] == "misinformation"
    assert one("Ghanaian police began enforcing a night-time curfew in Tamale.", "COERCE")["mode"] == "curfew"


def test_calling_up_conscripts_is_a_mobilization() -> None:
    body = "Chad called on its conscripts to report to their barracks."
    assert types(body) == ["MOBILIZE"]


def test_long_expulsions_and_sentences() -> None:
    assert types("Zambia expelled all fourteen of the Chinese diplomats.") == ["SANCTION"]
    ev = one("A Kenyan governor was handed a five-year prison sentence for graft.", "SANCTION")
    assert ev["mode"] == "convict"


def test_a_country_concerned_makes_a_statement() -> None:
    assert types("Germany is concerned about the Chinese military drills near Taiwan.") == []


def test_banned_groups_in_the_passive() -> None:
    assert types("Six rights groups in Yemen were banned last week by the attorney general.") == ["COERCE"]
    assert "COERCE" not in types("Rights groups in Yemen warned they could be banned.")


def test_the_arrest_of_people_accused_of_a_crime_is_the_main_event() -> None:
    from worker.coder.pipeline import top_event

    top = top_event(
        code("Ten Zimbabwean students accused of spying were arrested by police in Harare on Tuesday.")
    )
    assert top is not None and top["event_type"] == "COERCE"


def test_meeting_a_target_and_agreeing_with_an_opinion_are_no_events() -> None:
    assert not code("Kenya's finance minister said the budget would meet its deficit targets.")
    assert not [e for e in code("Kenyan voters said they agree with what the president proposed.")
                if e["event_type"] in ("AGREE", "CONSULT")]  # fmt: skip
    assert one("Kenya's president will meet the Ugandan president on Friday.", "AGREE")


def test_coordinated_modifiers_keep_the_object_of_a_demand() -> None:
    events = code("Kenya demanded the immediate and unconditional release of a jailed Ugandan poet.")
    assert [e["event_type"] for e in events] == ["REQUEST"]
    assert {"REQUEST", "RETREAT"} <= {
        e["event_type"] for e in code("Kenya demanded talks and released two Ugandan prisoners.")
    }


def test_pressing_someone_named_at_length_to_act_is_a_request() -> None:
    body = (
        "Kenyan police have been pressuring the workers at the cement plant of the Mombasa port"
        " authority to end the strike."
    )
    assert [e["event_type"] for e in code(body)] == ["REQUEST"]


def test_the_group_named_with_a_country_earlier_keeps_it() -> None:
    body = (
        "Chilean students marched through Lima to protest the new visa rules.\n"
        "In a statement carried by Peru's state news agency, the interior minister accused the students"
        " of vandalism."
    )
    accuse = one(body, "ACCUSE")
    assert countries(accuse["recipient"]) == {"CHL"}
    alone = one(
        "In a statement carried by Peru's state news agency, the minister accused the students.", "ACCUSE"
    )
    assert countries(alone["recipient"]) == {"PER"}  # no earlier naming: the nearest country


def test_idioms_of_criticism_are_accusations() -> None:
    for body in (
        "Chile's president hit back at Bolivia on Monday over its remarks on the border.",
        "Chile's president railed against Bolivia on Monday over the water dispute.",
        "Chile's president poured scorn on Bolivia's proposal for a corridor to the sea.",
        "Chile's president took Bolivia to task over the treatment of truck drivers.",
        "Chile's president branded the Bolivian plan a provocation on Monday.",
        "Chile's president called Bolivia's foreign minister in La Paz a very stupid man.",
    ):
        ev = one(body, "ACCUSE")
        assert countries(ev["actor"]) == {"CHL"}, body


def test_counter_accusation_after_a_denial() -> None:
    ev = one(
        "Ecuador's defence minister denied on Friday that his troops had crossed the border and accused "
        "Colombia of spreading lies about the incident.",
        "ACCUSE",
    )
    assert countries(ev["actor"]) == {"ECU"} and countries(ev["recipient"]) == {"COL"}
    # the content of a denial alone stays no event
    assert code("Ecuador's defence minister denied that his troops had crossed the border.") == []


def test_history_in_a_relative_clause_is_background() -> None:
    # a perfect or habitual accusation set off by ", which/who" is the participant's past, with its content
    past = "Peru's navy, which has long accused Ecuador of backing smugglers, said its new chief took office."
    habit = "The Arab League, which has often condemned the blockade, said its summit opens in Cairo."
    assert code(past) == [] and code(habit) == []
    # the news of the sentence stays an event
    news = "Peru's navy, which has long patrolled the river, accused Ecuador of backing smugglers."
    assert countries(one(news, "ACCUSE")["recipient"]) == {"ECU"}


def test_diplomatic_protests_ultimatums_votes_and_court_challenges() -> None:
    for body, event_type in (
        ("Peru's foreign ministry called in the Chilean ambassador on Tuesday over the remarks.", "ACCUSE"),
        ("Peru handed a protest note to the Chilean ambassador on Tuesday.", "ACCUSE"),
        ("Peru's foreign ministry expressed strong dissatisfaction with Chile's decision.", "ACCUSE"),
        ("Peru gave Chile until Friday to withdraw its troops from the border area.", "THREATEN"),
        ("Peru set a deadline of Friday for Chile to hand over the suspects.", "THREATEN"),
        ("Peru said it would challenge the Chilean decision at the World Court.", "ACCUSE"),
        ("Peru's Congress voted down the government's proposal to join the Pacific trade pact.", "REJECT"),
    ):
        top = code(body)[0]
        assert top["event_type"] == event_type and top["quad_class"] == "verbal_conflict", body


def test_what_a_refusal_waits_for_is_no_event() -> None:
    body = "Peru's truckers said they would not end their strike until the police are withdrawn from roads."
    assert {e["event_type"] for e in code(body)} == {"REJECT"}


def test_described_as_a_provocation_and_questioned_commitment_are_criticism() -> None:
    for body in (
        "Ghana's foreign minister described the Togolese decision as a provocation.",
        "Ghana's foreign minister questioned Togo's commitment to the peace deal.",
    ):
        assert one(body, "ACCUSE")["mode"] == "disapprove", body


def test_insisted_with_a_bare_verb_is_a_demand() -> None:
    ev = one("Ghana insisted that Togo apologise for the border incident.", "REQUEST")
    assert countries(ev["actor"]) == {"GHA"} and countries(ev["recipient"]) == {"TGO"}
    # a past or modal verb is a claim, not a demand
    assert all(e["event_type"] != "REQUEST" for e in code("Ghana insisted that Togo had apologised."))


def test_demanded_release_is_addressed_to_the_captor() -> None:
    ev = one("Senegal's opposition demanded the immediate release of its leader.", "REQUEST")
    assert countries(ev["actor"]) == {"SEN"}


def test_a_copular_violation_is_criticism_not_the_object_of_an_earlier_trigger() -> None:
    body = "Ghana said that Togo's decision to host the rebel leader was a violation of its sovereignty."
    assert [e["event_type"] for e in code(body)] == ["ACCUSE"]
    denied = "Ghana said the move was not a violation of the accord."
    assert all(e["event_type"] != "ACCUSE" for e in code(denied))


def test_investigating_reports_is_an_investigation() -> None:
    for body in (
        "Ghana's army will investigate reports of abuses by soldiers in the north.",
        "Ghana's army is investigating reports of abuses by soldiers.",
    ):
        assert one(body, "ACCUSE")["mode"] == "investigate", body


def test_rounded_on_is_criticism() -> None:
    ev = one("Zambia's president rounded on Malawi's leaders over the water dispute.", "ACCUSE")
    assert countries(ev["actor"]) == {"ZMB"}


def test_concession_carried_out_is_material_cooperation_but_a_promise_is_not() -> None:
    done = one("The Kenyan government lifted a travel ban on the opposition leader on Monday.", "CONCEDE")
    assert (done["quad_class"], done["cameo_root"]) == ("material_cooperation", "08")
    assert types("The Kenyan government lifted a travel ban on the opposition leader on Monday.") == [
        "CONCEDE"
    ]  # the ban lifted is no coercion
    strike = one("Chilean truck drivers called off their week-long strike on Friday.", "CONCEDE")
    assert strike["quad_class"] == "material_cooperation"
    for promised in (
        "The Kenyan government agreed to lift the travel ban on the opposition leader.",
        "Kenya's president said he would lift the travel ban on the opposition leader.",
        "The Kenyan president apologised to Uganda for the border raid.",
        "The Kenyan president pardoned 40 jailed Ugandan fishermen on Monday.",
    ):
        ev = one(promised, "CONCEDE")
        assert (ev["quad_class"], ev["cameo_root"]) == ("verbal_cooperation", "03"), promised
