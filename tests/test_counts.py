import pytest

from ctwatch.extract.counts import casualties, quantities, words_to_int


@pytest.mark.parametrize(
    "sentence, killed, wounded",
    [
        # a list after "wounding" is summed; people "of" a unit are counted by their figure; "him" is one
        (
            "Gunmen sprayed bullets on a car carrying a lawyer, killing him and his driver.",
            (2, 2, 2),
            (None, None, None),
        ),
        (
            "Gunmen opened fire on a school bus, wounding a schoolgirl and her driver.",
            (None, None, None),
            (2, 2, 2),
        ),
        (
            "A landmine exploded under a police vehicle, killing 15 commandos of the C-60 unit and their driver.",
            (16, 16, 16),
            (None, None, None),
        ),
        (
            "A recent Police line mosque bombing in Peshawar is one of the deadliest attacks that has killed more "
            "than hundred police officials.",
            (101, 101, None),
            (None, None, None),
        ),
        (
            "Pakistan embassy was attacked in which a Pakistani SSG commando was injured.",
            (None, None, None),
            (1, 1, 1),
        ),
        (
            "A bomb exploded, killing five people and wounding 12 others, police said.",
            (5, 5, 5),
            (12, 12, 12),
        ),
        ("At least 59 people were killed and dozens injured.", (59, 59, None), (24, 24, None)),
        # "dozen" multiplies what comes before it
        ("A dozen policemen were injured in the attack.", (None, None, None), (12, 12, 12)),
        ("Two dozen people were killed in the attack.", (24, 24, 24), (None, None, None)),
        (
            "The death toll from the bombing rose to at least 84 on Thursday.",
            (84, 84, None),
            (None, None, None),
        ),
        ("the killing of a TTP leader in one of the targeted IED attacks", (1, 1, 1), (None, None, None)),
        ("No one was hurt in the blast.", (None, None, None), (0, 0, 0)),
        ("Between 20 and 30 soldiers died in the clash.", (20, 20, 30), (None, None, None)),
        ("Up to 15 people may have been killed.", (15, None, 15), (None, None, None)),
        (
            "Three attackers were killed and at least 18 guests were injured, including five Chinese nationals.",
            (3, 3, 3),
            (18, 18, None),
        ),
        ("The blast in 2019 damaged 12 shops.", (None, None, None), (None, None, None)),
        ("Twenty-three people were killed.", (23, 23, 23), (None, None, None)),
        # headlines: a figure belongs to the casualty word right after it
        ("2 killed, 7 wounded in a blast in Kashmir.", (2, 2, 2), (7, 7, 7)),
        ("Four security personnel killed, 2 injured in blast", (4, 4, 4), (2, 2, 2)),
        ("Seven wounded and two killed in Quetta blast", (2, 2, 2), (7, 7, 7)),
        ("Cross-border firing kills policeman, injures 10 others.", (1, 1, 1), (10, 10, 10)),
        # a figure, a few words of people, then the casualty word
        ("Four polio vaccinators shot dead in Quetta", (4, 4, 4), (None, None, None)),
        ("8 TTP terrorists killed in operation", (8, 8, 8), (None, None, None)),
        # one person named alone
        ("Bomb kills soldier, wounds four in Bannu", (1, 1, 1), (4, 4, 4)),
        ("Police official killed, three hurt in Peshawar attacks", (1, 1, 1), (3, 3, 3)),
        ("Militants kill tribal elder in Khyber", (1, 1, 1), (None, None, None)),
        # any noun naming a person, ranks, trades and kin among them (data/person_nouns.txt)
        ("Retired colonel shot dead near his home in Mardan", (1, 1, 1), (None, None, None)),
        ("Gunmen kill veteran school teacher in Turbat", (1, 1, 1), (None, None, None)),
        ("Blast kills girl, injures 9 near Chaman market", (1, 1, 1), (9, 9, 9)),
        ("Assailants kill local Awami party councillor in Swat", (1, 1, 1), (None, None, None)),
        ("Afghan killed in cross-border shelling", (1, 1, 1), (None, None, None)),
        ("Roadside device kills two bomb disposal officers in Lakki", (2, 2, 2), (None, None, None)),
        ("Villager killed, three peace volunteers injured in Tirah", (1, 1, 1), (3, 3, 3)),
        ("One civilian killed, 4 kids hurt in shelling by Indian troops", (1, 1, 1), (4, 4, 4)),
        ("Militants gun down three alleged informers in Datta Khel", (3, 3, 3), (None, None, None)),
        ("Militants claim killing of Hazara shopkeeper in Quetta", (1, 1, 1), (None, None, None)),
        ("Gunmen kill Pakistani soldiers in Kurram", (None, None, None), (None, None, None)),
        # "one" alone after the casualty word; "said" between a figure and its word
        ("Rocket kills one in Miranshah bazaar", (1, 1, 1), (None, None, None)),
        ("Grenade attack kills one, wounds five in Sibi", (1, 1, 1), (5, 5, 5)),
        ("Five said killed in Kurram clash", (5, 5, 5), (None, None, None)),
        ("Two more said killed in Parachinar firing", (2, 2, 2), (None, None, None)),
        ("Shepherd reportedly killed by landmine in Kohlu", (1, 1, 1), (None, None, None)),
        ("Parachinar toll rises to seven", (7, 7, 7), (None, None, None)),
        # collective nouns and plurals name no one person
        ("Party staff killed in Lyari attack", (None, None, None), (None, None, None)),
        ("Tribesmen killed in Orakzai clash", (None, None, None), (None, None, None)),
        ("He sustained minor injuries in the blast", (None, None, None), (None, None, None)),
        # a list of casualties is summed
        ("Two soldiers, three militants killed in gunfight", (5, 5, 5), (None, None, None)),
        ("Six militants, soldier killed in clashes", (7, 7, 7), (None, None, None)),
        ("Police said two soldiers and three militants were killed.", (5, 5, 5), (None, None, None)),
        # a list after an active casualty verb is summed too
        ("The blast killed three soldiers and a civilian near Wana.", (4, 4, 4), (None, None, None)),
        ("Gunmen shot dead a shopkeeper and his son in Turbat.", (2, 2, 2), (None, None, None)),
        ("Bomb kills policeman and two children in Chaman", (3, 3, 3), (None, None, None)),
        ("Gunmen shot dead two polio workers and a policeman escorting them.", (3, 3, 3), (None, None, None)),
        ("Militants killed two soldiers and injured three civilians.", (2, 2, 2), (3, 3, 3)),
        # ... which ends at the next verb of harm, whose object is one person
        (
            "Gunmen shot dead a Hazara shopkeeper and wounded his nephew near Meezan Chowk, police said.",
            (1, 1, 1),
            (1, 1, 1),
        ),
        ("The raid killed militants and a soldier.", (None, None, None), (None, None, None)),  # how many?
        # people "including" some of them are among them, not more of them
        ("Five people, including two children, were killed in Kohat.", (5, 5, 5), (None, None, None)),
        ("Four persons including a woman lost their lives.", (4, 4, 4), (None, None, None)),
        ("Nine people including four policemen sustained injuries.", (None, None, None), (9, 9, 9)),
        ("Three soldiers, among them a major, were killed in the ambush.", (3, 3, 3), (None, None, None)),
        # ... however many words name them, with "and" among them
        (
            "At least 70 people, many of them women and children, were killed in the park.",
            (70, 70, None),
            (None, None, None),
        ),
        (
            "Five persons, including three women and two children, were killed in a landmine explosion.",
            (5, 5, 5),
            (None, None, None),
        ),
        (
            "Three were killed and ten others, including five security men and a woman, were wounded.",
            (3, 3, 3),
            (10, 10, 10),
        ),
        # one person by a pronoun; deaths after injuries; deaths by other hands than guns and bombs
        ("Unidentified gunmen shot him dead near his house in Kharan.", (1, 1, 1), (None, None, None)),
        ("The militants fired at the constable, killing him on the spot.", (1, 1, 1), (None, None, None)),
        ("He was beaten to death by the cadres.", (1, 1, 1), (None, None, None)),
        ("She later died in hospital.", (1, 1, 1), (None, None, None)),
        ("A trader succumbed to his injuries in hospital.", (1, 1, 1), (None, None, None)),
        ("The mob lynched him outside the police station.", (1, 1, 1), (None, None, None)),
        ("He was not killed in the attack.", (None, None, None), (None, None, None)),
        ("Police said he killed three people.", (3, 3, 3), (None, None, None)),
        # the names of those hit, between the figure and its word, are left out
        (
            "Two SF personnel, identified as Abdul Shakoor and Izhar, were killed in a landmine blast.",
            (2, 2, 2),
            (None, None, None),
        ),
        (
            "Two labourers, identified as Gul Khan and Ainul Haq were shot dead at home.",
            (2, 2, 2),
            (None, None, None),
        ),
        # a day of the month is no figure of people
        ("Three DRG personnel were on June 14 injured in an encounter.", (None, None, None), (3, 3, 3)),
        ("On 14 June, 3 soldiers were killed near Uri.", (3, 3, 3), (None, None, None)),
        ("The blast on March 3 killed 12 people.", (12, 12, 12), (None, None, None)),
        # a court's death sentence kills no one
        ("He was sentenced to death by an anti-terrorism court.", (None, None, None), (None, None, None)),
        (
            "The court handed down the death sentence to two militants.",
            (None, None, None),
            (None, None, None),
        ),
        # a figure after "by" counts who did it
        (
            "A shopkeeper was shot dead by three unidentified assailants in Imphal on Monday.",
            (1, 1, 1),
            (None, None, None),
        ),
        ("Two constables were injured by four militants who fled.", (None, None, None), (2, 2, 2)),
        # one figure for two kinds of people joined by "and": "17 Police and CRPF personnel"
        (
            "Four soldiers were killed and 12 Police and CRPF personnel and three civilians were injured.",
            (4, 4, 4),
            (15, 15, 15),
        ),
        (
            "Maoists ambushed a convoy, killing 12 Police and CRPF personnel.",
            (12, 12, 12),
            (None, None, None),
        ),
        (
            "Two officers were killed and nine soldiers and three civilians injured in the ambush.",
            (2, 2, 2),
            (12, 12, 12),
        ),
        ("A constable and Police personnel and two civilians were injured.", (None, None, None), (2, 2, 2)),
        ("Three persons, including a trader were injured in the blast.", (None, None, None), (3, 3, 3)),
        (
            "Two militants were killed and six others, including two constables were wounded.",
            (2, 2, 2),
            (6, 6, 6),
        ),
        ("Gunmen opened fire, killing two people and hurting three men.", (2, 2, 2), (None, None, None)),
        # a figure after a passive casualty word and a comma is another clause's
        ("Three soldiers were killed, two civilians and a policeman injured.", (3, 3, 3), (3, 3, 3)),
        (
            "Two soldiers lost their lives and three others were seriously wounded in the blast, a spokesman said.",
            (2, 2, 2),
            (3, 3, 3),
        ),
        # the names of those hit, however many, stand between the figure and its word
        (
            "Four Sindh Rangers personnel, identified as Qasim Ali, Shahdat Ali, Ashfaq and Akhtar Ali, were shot "
            "dead by three unidentified assailants.",
            (4, 4, 4),
            (None, None, None),
        ),
        # a figure in brackets after a name is an age, not the dead
        (
            "Two unidentified assailants shot dead Fakhrul Islam (46), an MQM candidate, in Hyderabad.",
            (1, 1, 1),
            (None, None, None),
        ),
        (
            "Unidentified gunmen shot dead Abdul Wahid (aged 35) in Quetta on Monday.",
            (None, None, None),
            (None, None, None),
        ),
        # a group's acronym after its name stands between the figure and its people
        (
            "Three Tehreek e Taliban Pakistan (TTP) militants were shot dead in Karachi.",
            (3, 3, 3),
            (None, None, None),
        ),
        (
            "Two Central Reserve Police Force (CRPF) troopers were killed in the blast.",
            (2, 2, 2),
            (None, None, None),
        ),
        # a force's name of several capitalised words stands between the figure and its people in a list
        (
            "Seven District Reserve Guard jawans and a civilian driver were killed in Dantewada.",
            (8, 8, 8),
            (None, None, None),
        ),
        (
            "One civilian and a Border Security Force (BSF) trooper were killed.",
            (2, 2, 2),
            (None, None, None),
        ),
        # a list opened by the clause's own words, a verb, or "among"; a figure inside a clause of its own ends it
        ("Clashes leave 8 soldiers, 21 militants dead in NW Pakistan", (29, 29, 29), (None, None, None)),
        (
            "Militants struck in Khunti, killing two Central Reserve Police Force (CRPF) personnel and leaving an "
            "officer and four others injured.",
            (2, 2, 2),
            (5, 5, 5),
        ),
        (
            "A CRPF Commandant was among 17 Police and CRPF personnel and eight civilians injured in Pulwama.",
            (None, None, None),
            (25, 25, 25),
        ),
        (
            "Seven Maoists, involved in the Malewada attack last month in which seven Central Reserve Police Force "
            "(CRPF) personnel were killed, were arrested.",
            (7, 7, 7),
            (None, None, None),
        ),
        # "an" inside a word is no figure ("Pakistan Army officer" is one officer)
        (
            "Pakistan Army officer, eight militants killed in tribal area clashes",
            (9, 9, 9),
            (None, None, None),
        ),
        ("Pakistani villager, Indian soldier killed in shell trading.", (2, 2, 2), (None, None, None)),
        # a list's last people with who they were with: "a police guard escorting them"
        (
            "Two polio workers and a police guard escorting them were shot dead by gunmen in Bajaur.",
            (3, 3, 3),
            (None, None, None),
        ),
        # a force's name after "of" between the figure and the casualty word
        (
            "A head constable of the Central Reserve Police Force was killed when Maoists triggered an IED.",
            (1, 1, 1),
            (None, None, None),
        ),
        (
            "Seven Communist Party of India Maoist (CPI Maoist) cadres were killed in an encounter in Gadchiroli.",
            (7, 7, 7),
            (None, None, None),
        ),
        # a list after the verb whose items carry a qualifier or an abbreviation's dots: at least 183
        (
            "Gunmen attacked crowds outside Kabul airport, killing at least 170 Afghans and 13 U.S. service members.",
            (183, 183, None),
            (None, None, None),
        ),
        (
            "Fighters attacked a base, killing one U.S. soldier and two American contractors.",
            (3, 3, 3),
            (None,) * 3,
        ),
        # ... but "at most" bounds it above
        ("The blast killed at most 20 soldiers and 3 civilians.", (23, 23, 23), (None,) * 3),
        ("Three U.S. soldiers and two Afghan policemen were killed in the blast.", (5, 5, 5), (None,) * 3),
        # who tells after the list is no one hit
        (
            "Militants opened fire on worshippers at a mosque, killing 305 people, the public prosecutor said.",
            (305, 305, 305),
            (None, None, None),
        ),
        # and what stays as it was
        ("Soldiers killed two militants in the raid.", (2, 2, 2), (None, None, None)),
        ("Militants attacked the post; soldiers were killed.", (None, None, None), (None, None, None)),
    ],
)
def test_casualties(sentence, killed, wounded):
    k, w = casualties(sentence)
    assert (k.best, k.low, k.high) == killed
    assert (w.best, w.low, w.high) == wounded


def test_count_text_keeps_the_words():
    k, _ = casualties("the bombing killed more than hundred police officials")
    assert k.text == "more than hundred"
    k, _ = casualties("the blast killed two U.S. soldiers and a U.N. worker")
    assert k.text == "two U.S. soldiers and a U.N. worker"
    _, w = casualties("a Pakistani SSG commando was injured")
    assert w.text == "a Pakistani SSG commando"


@pytest.mark.parametrize(
    "words, n",
    [
        ("five", 5),
        ("twenty-three", 23),
        ("one hundred and five", 105),
        ("two thousand", 2000),
        ("1,200", 1200),
        ("hundred", 100),
        ("banana", None),
    ],
)
def test_words_to_int(words, n):
    assert words_to_int(words) == n


def test_quantities_skip_years_and_units():
    found = [q.text for q in quantities("In 2021, 3 km away, 7 people and 5 years later")]
    assert found == ["7"]
