"""Synthetic datasets for benchmarks: ``python -m timeline synth --events N --out DIR [--seed S]``.

``generate_dataset`` writes ``data/{sources,administrations,events}.yaml`` and ``seeds/*.txt``
that ``load_dataset`` accepts with zero problems: every quote is verbatim in its article,
every date phrase is in its article, and every date without a note is what dateparser makes
of the phrase against the article's publication date. The phrases are chosen with
:func:`timeline.dates.resolve_phrase` itself, so the generator and the validator cannot
disagree. About 5% of the dates are manual, each explained by a note.

The people, outlets and addresses are fictional (domains under the reserved ``.example``
top-level domain); the administrations are the real ones, copied from
``data/administrations.yaml`` with their Spanish names. Every event also carries its title,
label and summary in Spanish (``translations: {es: ...}``), composed from Spanish templates and
vocabulary that mirror the English ones slot for slot; the Spanish draws nothing from the random
generator, so a seed gives the same English with or without it. The same seed gives the same bytes.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import hashlib
import json
import multiprocessing
import os
import random
import re
import shutil
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import yaml

from timeline import DEFAULT_DATA_DIR
from timeline.dates import PartialDate, Resolution, is_finer, resolve_phrase, truncate

MARKER = "synth.json"
MAX_EVENTS = 1_000_000  # a sanity cap: 1,000,000 events is about 1 GB of articles
EVENTS_PER_ARTICLE = 5
FIRST_DAY = dt.date(2006, 1, 1)  # no event before this
FIRST_PUBLISHED = dt.date(2006, 3, 1)
LAST_PUBLISHED = dt.date(2025, 10, 31)
LAST_END = dt.date(2025, 12, 31)
PARALLEL_FROM = 3000  # distinct (phrase, anchor) pairs from which dateparser runs in worker processes

_DATA_FILES = ("sources.yaml", "administrations.yaml", "events.yaml")
_ARTICLE_NAME = re.compile(r"^\d{5,}_[0-9a-f]{16}\.txt$")
_HAS_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WRAP = re.compile(r"(.{1,76})(?: +|$)")

MONTHS = calendar.month_name[1:]
# AP style: March to July are never abbreviated.
MONTHS_AP = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = list(calendar.day_name)
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}

CATEGORIES = ("agreement", "funding", "enforcement", "migration-pathways", "diplomacy", "context")
CATEGORY_WEIGHTS = (18, 14, 22, 16, 18, 12)


class SynthError(Exception):
    """The output folder cannot be used (it holds someone's files)."""


# --- vocabulary ----------------------------------------------------------------------------

CITIES = (
    ("Tijuana", "TIJUANA, Mexico"),
    ("Ciudad Juárez", "CIUDAD JUÁREZ, Mexico"),
    ("Nuevo Laredo", "NUEVO LAREDO, Mexico"),
    ("Reynosa", "REYNOSA, Mexico"),
    ("Matamoros", "MATAMOROS, Mexico"),
    ("Nogales", "NOGALES, Mexico"),
    ("Mexicali", "MEXICALI, Mexico"),
    ("Piedras Negras", "PIEDRAS NEGRAS, Mexico"),
    ("Tapachula", "TAPACHULA, Mexico"),
    ("Ciudad Acuña", "CIUDAD ACUÑA, Mexico"),
    ("San Luis Río Colorado", "SAN LUIS RÍO COLORADO, Mexico"),
    ("El Paso", "EL PASO, Texas"),
    ("San Diego", "SAN DIEGO"),
    ("Laredo", "LAREDO, Texas"),
    ("Brownsville", "BROWNSVILLE, Texas"),
    ("McAllen", "McALLEN, Texas"),
    ("Yuma", "YUMA, Arizona"),
)
CAPITALS = (("Washington", "WASHINGTON"), ("Mexico City", "MEXICO CITY"))
TOPICS = (
    "border security",
    "port-of-entry modernization",
    "arms trafficking",
    "fentanyl trafficking",
    "migrant protection",
    "asylum processing",
    "labor mobility",
    "development in southern Mexico and Central America",
    "information sharing on organized crime",
    "customs inspections",
    "cross-border trade",
    "the return of deported nationals",
    "humanitarian visas",
    "precursor chemicals",
    "money laundering",
    "search and rescue in the desert",
)
US_AGENCIES = (
    "Department of Homeland Security",
    "U.S. Customs and Border Protection",
    "State Department",
    "U.S. Citizenship and Immigration Services",
    "Department of Labor",
)
MX_AGENCIES = (
    "Secretaría de Relaciones Exteriores",
    "Instituto Nacional de Migración",
    "Secretaría de Seguridad y Protección Ciudadana",
    "Fiscalía General de la República",
    "Agencia Nacional de Aduanas de México",
)
REGIONS = (
    "its southern border",
    "its northern border",
    "the state of Chiapas",
    "the border with Guatemala",
    "the Sonora desert corridor",
)
PORTS = ("Manzanillo", "Lázaro Cárdenas", "Ensenada", "Veracruz")
FUNDING_USES = (
    "border infrastructure",
    "port-of-entry modernization",
    "migrant shelters along the border",
    "scanning equipment at ports of entry",
    "development programs in southern Mexico and Central America",
    "training for customs officers",
    "job programs for returning migrants",
)
AMOUNTS = (
    (25_000_000, "$25 million"),
    (40_000_000, "$40 million"),
    (150_000_000, "$150 million"),
    (300_000_000, "$300 million"),
    (750_000_000, "$750 million"),
    (1_500_000_000, "$1.5 billion"),
    (2_200_000_000, "$2.2 billion"),
)
MXN_AMOUNTS = (
    (500_000_000, "500 million pesos"),
    (1_800_000_000, "1.8 billion pesos"),
    (4_200_000_000, "4.2 billion pesos"),
    (12_000_000_000, "12 billion pesos"),
)
STATEMENTS = (
    "This is a shared responsibility and we will meet it together",
    "We are not going to allow our border to be used for crime",
    "Nobody should have to risk their life to find work",
    "What we agreed today is concrete, and it is measurable",
    "Cooperation is the only way forward on this issue",
    "Mexico acts on its own terms and in its own interest",
    "These measures will save lives",
    "We will judge this agreement by its results, not by its words",
    "The people of the border region have waited long enough",
    "Our priority is the dignity of every person who crosses",
)

US_FIRST = (
    "Margaret", "Daniel", "Renée", "Thomas", "Chloë", "Samuel", "Zoë", "Patrick", "Nadia", "Gregory",
    "Eleanor", "Marcus", "Joëlle", "Brian", "Ingrid", "Keith", "Aisha", "Howard", "Colleen", "Raymond",
)  # fmt: skip
US_LAST = (
    "O’Connor", "Whitaker", "Dubois", "Brennan", "Harrington", "Okafor", "Lindqvist", "McAllister",
    "Haddad", "Novák", "Fairbanks", "Delgado", "Kowalski", "Bergström", "Ashworth", "Pryor",
    "Gallagher", "Thibodeaux",
)  # fmt: skip
MX_FIRST = (
    "María Fernanda", "José Ángel", "Lucía", "Andrés", "Inés", "Ramón", "Begoña", "Héctor", "Sofía",
    "Joaquín", "Verónica", "Martín", "Mónica", "Raúl", "Adrián", "Araceli", "Efraín", "Nicolás", "Zoé",
    "Ximena", "Rubén", "Itzel",
)  # fmt: skip
MX_LAST = (
    "Ibáñez", "Núñez", "Ortiz Beltrán", "Castañeda", "Muñoz", "Saldaña", "Villaseñor", "Treviño",
    "Echeverría", "Aguirre", "Solís", "Peñaloza", "Cisneros", "Quiñones", "Arámbula", "Zúñiga",
    "Benítez", "Montaño", "Galván", "Durán",
)  # fmt: skip
US_ROLES = (
    ("Homeland Security Secretary", "the US homeland security secretary"),
    ("Secretary of State", "the US secretary of state"),
    ("Ambassador", "the US ambassador to Mexico"),
    ("CBP Commissioner", "the commissioner of US Customs and Border Protection"),
)
MX_ROLES = (
    ("Foreign Minister", "Mexico’s foreign minister"),
    ("Interior Minister", "Mexico’s interior minister"),
    ("Security Minister", "Mexico’s security minister"),
    ("Migration Commissioner", "the head of Mexico’s National Migration Institute"),
)

# (name, domain, how its addresses carry the date, share of articles dated in the text)
OUTLETS = (
    ("Frontera Daily", "fronteradaily.example", "slash", 0.3),
    ("The Rio Grande Courier", "riograndecourier.example", "slash", 0.2),
    ("Gulf Coast Wire", "gulfcoastwire.example", "compact", 0.3),
    ("El Observador del Norte (English edition)", "observadordelnorte.example", "none", 0.7),
    ("Borderlands Ledger", "borderlandsledger.example", "iso", 0.3),
    ("Pacific Dispatch", "pacificdispatch.example", "slash", 0.4),
    ("Capital Policy Review", "capitalpolicyreview.example", "none", 0.5),
    ("Noticias Sonora (English service)", "noticiassonora.example", "none", 0.6),
    ("Valle Times", "valletimes.example", "iso", 0.2),
)

# Event templates: (title, lead sentence, summary). {when} is the adverbial that holds the
# date phrase; it never opens a sentence, so the phrase keeps its case.
TEMPLATES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "agreement": (
        (
            "US and Mexico sign memorandum on {topic}",
            "{us} and {mx} signed a memorandum of understanding on {topic} in {city} {when}, committing "
            "both governments to joint patrols and a faster exchange of information.",
            "The two governments signed a memorandum on {topic} providing for joint patrols and faster "
            "information sharing.",
        ),
        (
            "Mexico and the United States agree {k}-point plan on {topic}",
            "Negotiators for Mexico and the United States agreed {when} on a {k}-point plan on {topic}, "
            "according to a joint statement released by the {mx_agency}.",
            "Both governments agreed a {k}-point plan on {topic}, announced in a joint statement.",
        ),
        (
            "Bilateral accord on {topic} takes effect",
            "An accord on {topic} negotiated by {mx} and {us} took effect {when}, the {us_agency} said in a statement.",
            "A bilateral accord on {topic} came into force.",
        ),
        (
            "Customs officers to share inspection sites at {city}",
            "Customs officials from both countries agreed {when} to share inspection facilities at the "
            "{city} crossing, a step {mx} called “overdue.”",
            "Mexican and US customs agreed to run joint inspections at the {city} crossing.",
        ),
    ),
    "funding": (
        (
            "Mexico commits {amount} to {use}",
            "The government of Mexico committed {amount} to {use} {when}, saying the money would be spent "
            "over the next {k} years.",
            "Mexico committed {amount} to {use}, to be spent over several years.",
        ),
        (
            "US announces {amount} for {use}",
            "The {us_agency} announced {when} that it would provide {amount} for {use}, with most of the "
            "money going to projects near {city}.",
            "The United States pledged {amount} for {use}.",
        ),
        (
            "Lawmakers approve {amount} for {use}",
            "Lawmakers approved {amount} for {use} {when}, after {us} urged them to act before the end of "
            "the fiscal year.",
            "Legislators approved {amount} for {use}.",
        ),
        (
            "Joint fund receives {amount} for {use}",
            "{us} and {mx} said {when} that a joint fund would receive {amount} for {use}.",
            "A joint US–Mexican fund was given {amount} for {use}.",
        ),
    ),
    "enforcement": (
        (
            "Mexico deploys {n} National Guard troops to {region}",
            "Mexico deployed {n} members of the National Guard to {region} {when}, {mx} told reporters in Mexico City.",
            "Mexico sent {n} National Guard troops to {region}.",
        ),
        (
            "Joint operation dismantles smuggling network in {city}",
            "A joint operation by Mexican and US agents dismantled a smuggling network in {city} {when}, "
            "with {k} arrests, the {mx_agency} said.",
            "A joint operation broke up a smuggling network in {city}.",
        ),
        (
            "US tightens inspections at {city} ports of entry",
            "The {us_agency} tightened inspections of southbound vehicles at the {city} ports of entry "
            "{when} in an effort to stop weapons from crossing into Mexico.",
            "US officers stepped up southbound inspections at {city} to stop weapons smuggling.",
        ),
        (
            "Record seizure of fentanyl precursors at {port}",
            "Authorities seized {k} tonnes of fentanyl precursor chemicals at the port of {port} {when}, "
            "acting on information shared by US investigators.",
            "Mexican authorities made a record seizure of precursor chemicals at {port}.",
        ),
    ),
    "migration-pathways": (
        (
            "US opens {n} extra work visas for the region",
            "The United States said {when} that it would make {n} additional seasonal work visas available "
            "to workers from Mexico and Central America.",
            "Washington added {n} seasonal work visas for Mexican and Central American workers.",
        ),
        (
            "Mexico issues humanitarian visas to migrants in {city}",
            "Mexico’s National Migration Institute began issuing humanitarian visitor cards to migrants "
            "waiting in {city} {when}, allowing them to work legally for a year.",
            "Mexico started giving migrants in {city} one-year humanitarian cards with the right to work.",
        ),
        (
            "Processing centers for asylum seekers to open in {city}",
            "{us} and {mx} announced {when} that processing centers for asylum seekers would open in "
            "{city} and {city2}.",
            "The governments announced asylum processing centers in {city} and {city2}.",
        ),
        (
            "Family reunification parole program expanded",
            "The {us_agency} expanded a parole program for families with approved petitions {when}, {us} said.",
            "The United States widened family reunification parole.",
        ),
    ),
    "diplomacy": (
        (
            "{us_short} meets {mx_short} in {capital}",
            "{us} met {mx} in {capital} {when} to discuss {topic} and {topic2}.",
            "Senior officials met in {capital} to discuss {topic} and {topic2}.",
        ),
        (
            "High-level security dialogue held in {capital}",
            "Delegations led by {us} and {mx} held a high-level security dialogue in {capital} {when}, the "
            "first in {k} months.",
            "The two countries resumed their high-level security dialogue.",
        ),
        (
            "Mexico sends diplomatic note on {topic}",
            "The {mx_agency} sent a diplomatic note to Washington {when} asking for clarification on "
            "{topic}, {mx} said.",
            "Mexico asked Washington in a diplomatic note to clarify its position on {topic}.",
        ),
        (
            "Presidents discuss {topic} by phone",
            "The presidents of Mexico and the United States spoke by phone {when} about {topic}, according "
            "to readouts published by both governments.",
            "The two presidents held a phone call on {topic}.",
        ),
    ),
    "context": (
        (
            "Apprehensions at the southwest border rise to {n}",
            "Apprehensions at the southwest border rose to {n} {when}, according to figures published by "
            "the {us_agency}.",
            "Monthly apprehensions at the southwest border reached {n}.",
        ),
        (
            "Storms close crossings between {city} and {city2}",
            "Heavy storms forced the temporary closure of crossings between {city} and {city2} {when}, "
            "stranding hundreds of commercial trucks.",
            "Storms shut border crossings between {city} and {city2}.",
        ),
        (
            "Report documents risks for migrants in {city}",
            "A report released {when} by a coalition of shelters documented kidnappings and extortion of "
            "migrants waiting in {city}.",
            "Shelters reported kidnappings and extortion of migrants in {city}.",
        ),
        (
            "Trade through {city} reaches a record",
            "Trade through the {city} crossings reached a record {when}, the local chamber of commerce "
            "said, led by auto parts and fresh produce.",
            "Cross-border trade through {city} hit a record.",
        ),
    ),
}
STATEMENT = "“{statement},” said {speaker}, {role}."
DETAILS = (
    "The measures apply to the crossings at {city} and {city2}, officials said.",
    "Officials said the first results would be reviewed in {k} months.",
    "The {mx_agency} will publish quarterly figures on the program, starting in {city}.",
    "Neither government gave a cost estimate for the plan, which covers {k} border districts.",
)
FILLERS = (
    "Cross-border trade between the two countries exceeded ${k} billion last year, making Mexico one of "
    "the largest trading partners of the United States.",
    "More than {n} trucks cross the bridges at {city} every day, most of them carrying auto parts and produce.",
    "Shelters in {city} say they are operating at {k} percent of capacity.",
    "{mx_person}, who runs a migrant shelter in {city}, said families were arriving “with nothing but "
    "what they can carry.”",
    "Human rights groups have criticized the use of soldiers for immigration duties.",
    "The {us_agency} did not respond to a request for comment.",
    "A spokesperson for the {mx_agency} declined to give further details.",
    "Analysts in {capital} said the announcement was aimed partly at a domestic audience.",
    "Local business leaders in {city} welcomed the news but said waiting times at the crossings remain long.",
    "“We have heard these promises before,” said {mx_person}, a customs broker in {city}.",
    "The border between the two countries runs for about 3,145 kilometers, from the Pacific Ocean to "
    "the Gulf of Mexico.",
    "Remittances sent home by Mexicans living in the United States reached record levels, according to "
    "the Banco de México.",
    "Opposition lawmakers in the Cámara de Diputados asked for the text to be published in full.",
    "The Instituto Nacional de Migración has faced criticism over conditions in its detention centers.",
    "Researchers at El Colegio de la Frontera Norte in {city} have tracked the flows for more than two decades.",
    "At the {city} crossing, the line of cars stretched back nearly {k} kilometers in the morning.",
    "Farmworkers from Michoacán and Guanajuato make up a large share of the seasonal visa holders.",
    "Officials did not say how the program would be evaluated.",
    "{mx_person}, a professor of international relations at the Universidad Nacional Autónoma de México, "
    "said the agreement “marks a change in tone, not yet in substance.”",
    "The governors of Tamaulipas and Texas have held separate talks on the issue.",
    "Seizures of synthetic drugs at the ports of entry have risen sharply, according to data from the {us_agency}.",
    "Many of the migrants waiting in {city} come from Honduras, Guatemala, El Salvador, Venezuela and Haiti.",
    "Construction of the new lanes at the {city} port of entry is expected to take {k} months.",
    "The peso barely moved against the dollar after the announcement.",
    "The Senate in Mexico City must still approve parts of the arrangement.",
    "{us_person}, a former Border Patrol agent in {city}, said the staffing problems are “older than "
    "any of these plans.”",
    "Community groups in {city} plan to hold a public meeting on the changes.",
    "Rainfall has been scarce along the Río Bravo, which Americans call the Rio Grande, adding to "
    "tensions over water deliveries.",
)
# Phrases whose date a note puts on record: dateparser reads none of them, and the date rules
# read "earlier this year" only to its year.
MANUAL_PHRASES = (
    "earlier this year",
    "late last year",
    "last spring",
    "last summer",
    "last fall",
    "earlier this month",
    "mid-June",
    "in late March",
)


# --- Spanish ---------------------------------------------------------------------------------
# Each event's title, label and summary in Mexican Spanish, with the names Mexican institutions
# use. The templates match TEMPLATES one for one (title, summary); the slot values are looked up
# from the English ones, so no extra random numbers are drawn.

MONTHS_ES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip
TEMPLATES_ES: dict[str, tuple[tuple[str, str], ...]] = {
    "agreement": (
        (
            "México y EU firman memorándum sobre {topic}",
            "Ambos gobiernos firmaron un memorándum sobre {topic_the} que prevé patrullajes conjuntos y un "
            "intercambio de información más ágil.",
        ),
        (
            "México y Estados Unidos acuerdan plan de {k} puntos sobre {topic}",
            "Ambos gobiernos acordaron un plan de {k} puntos sobre {topic_the}, anunciado en un comunicado conjunto.",
        ),
        (
            "Entra en vigor acuerdo bilateral sobre {topic}",
            "Entró en vigor un acuerdo bilateral sobre {topic_the}.",
        ),
        (
            "Aduanas compartirán instalaciones de revisión en {city}",
            "Las aduanas de México y Estados Unidos acordaron realizar revisiones conjuntas en el cruce de {city}.",
        ),
    ),
    "funding": (
        (
            "México destina {amount} a {use}",
            "México comprometió {amount} para {use}, que se ejercerán a lo largo de varios años.",
        ),
        (
            "EU anuncia {amount} para {use}",
            "Estados Unidos se comprometió a aportar {amount} para {use}.",
        ),
        (
            "Legisladores aprueban {amount} para {use}",
            "Los legisladores aprobaron {amount} para {use}.",
        ),
        (
            "Fondo conjunto recibe {amount} para {use}",
            "Un fondo conjunto de México y Estados Unidos recibió {amount} para {use}.",
        ),
    ),
    "enforcement": (
        (
            "México despliega {n} elementos de la Guardia Nacional en {region}",
            "México desplegó {n} elementos de la Guardia Nacional en {region}.",
        ),
        (
            "Operativo conjunto desarticula red de tráfico en {city}",
            "Un operativo conjunto desarticuló una red de tráfico en {city}.",
        ),
        (
            "EU endurece revisiones en los puertos de entrada de {city}",
            "Agentes estadounidenses intensificaron las revisiones en dirección sur en {city} para frenar el "
            "tráfico de armas.",
        ),
        (
            "Decomiso récord de precursores de fentanilo en {port}",
            "Autoridades mexicanas realizaron un decomiso récord de precursores químicos en {port}.",
        ),
    ),
    "migration-pathways": (
        (
            "EU abre {n} visas de trabajo adicionales para la región",
            "Washington sumó {n} visas de trabajo temporal para trabajadores de México y Centroamérica.",
        ),
        (
            "México otorga visas humanitarias a migrantes en {city}",
            "México comenzó a entregar a migrantes en {city} tarjetas humanitarias de un año con permiso "
            "para trabajar.",
        ),
        (
            "Abrirán en {city} centros de atención a solicitantes de asilo",
            "Los gobiernos anunciaron centros de atención a solicitantes de asilo en {city} y {city2}.",
        ),
        (
            "Amplían programa de permisos para reunificación familiar",
            "Estados Unidos amplió su programa de permisos humanitarios para la reunificación familiar.",
        ),
    ),
    "diplomacy": (
        (
            "{us_short} se reúne con {mx_short_the} en {capital}",
            "Altos funcionarios se reunieron en {capital} para abordar {topic_the} y {topic2_the}.",
        ),
        (
            "Celebran en {capital} diálogo de seguridad de alto nivel",
            "Ambos países reanudaron su diálogo de seguridad de alto nivel.",
        ),
        (
            "México envía nota diplomática sobre {topic}",
            "México pidió a Washington, mediante una nota diplomática, aclarar su postura sobre {topic_the}.",
        ),
        (
            "Presidentes conversan por teléfono sobre {topic}",
            "Ambos presidentes sostuvieron una llamada telefónica sobre {topic_the}.",
        ),
    ),
    "context": (
        (
            "Detenciones en la frontera suroeste suben a {n}",
            "Las detenciones mensuales en la frontera suroeste llegaron a {n}.",
        ),
        (
            "Tormentas cierran cruces entre {city} y {city2}",
            "Las tormentas obligaron a cerrar los cruces fronterizos entre {city} y {city2}.",
        ),
        (
            "Informe documenta riesgos para migrantes en {city}",
            "Albergues denunciaron secuestros y extorsiones contra migrantes en {city}.",
        ),
        (
            "Comercio por {city} alcanza un récord",
            "El comercio transfronterizo por {city} alcanzó un récord.",
        ),
    ),
}
# Each topic bare, as headlines write it, and with its article, as sentences do.
TOPICS_ES = {
    "border security": ("seguridad fronteriza", "la"),
    "port-of-entry modernization": ("modernización de puertos de entrada", "la"),
    "arms trafficking": ("tráfico de armas", "el"),
    "fentanyl trafficking": ("tráfico de fentanilo", "el"),
    "migrant protection": ("protección a migrantes", "la"),
    "asylum processing": ("trámite de solicitudes de asilo", "el"),
    "labor mobility": ("movilidad laboral", "la"),
    "development in southern Mexico and Central America": ("desarrollo en el sur de México y Centroamérica", "el"),
    "information sharing on organized crime": ("intercambio de información sobre crimen organizado", "el"),
    "customs inspections": ("revisiones aduaneras", "las"),
    "cross-border trade": ("comercio transfronterizo", "el"),
    "the return of deported nationals": ("retorno de connacionales deportados", "el"),
    "humanitarian visas": ("visas humanitarias", "las"),
    "precursor chemicals": ("precursores químicos", "los"),
    "money laundering": ("lavado de dinero", "el"),
    "search and rescue in the desert": ("búsqueda y rescate en el desierto", "la"),
}
FUNDING_USES_ES = {
    "border infrastructure": "infraestructura fronteriza",
    "port-of-entry modernization": "modernización de puertos de entrada",
    "migrant shelters along the border": "albergues para migrantes en la frontera",
    "scanning equipment at ports of entry": "equipo de revisión en puertos de entrada",
    "development programs in southern Mexico and Central America": (
        "programas de desarrollo en el sur de México y Centroamérica"
    ),
    "training for customs officers": "capacitación de personal aduanero",
    "job programs for returning migrants": "programas de empleo para migrantes retornados",
}
REGIONS_ES = {
    "its southern border": "su frontera sur",
    "its northern border": "su frontera norte",
    "the state of Chiapas": "el estado de Chiapas",
    "the border with Guatemala": "la frontera con Guatemala",
    "the Sonora desert corridor": "el corredor del desierto de Sonora",
}
CAPITALS_ES = {"Washington": "Washington", "Mexico City": "la Ciudad de México"}
# Each role's Spanish title, (masculine, feminine): a Mexican paper writes "la secretaria".
ROLES_ES = {
    "Homeland Security Secretary": ("secretario de Seguridad Nacional", "secretaria de Seguridad Nacional"),
    "Secretary of State": ("secretario de Estado", "secretaria de Estado"),
    "Ambassador": ("embajador", "embajadora"),
    "CBP Commissioner": ("comisionado de la CBP", "comisionada de la CBP"),
    "Foreign Minister": ("canciller", "canciller"),
    "Interior Minister": ("secretario de Gobernación", "secretaria de Gobernación"),
    "Security Minister": ("secretario de Seguridad", "secretaria de Seguridad"),
    "Migration Commissioner": ("comisionado del INM", "comisionada del INM"),
}
FEMININE_FIRST = frozenset(
    (
        "Margaret", "Renée", "Chloë", "Zoë", "Nadia", "Eleanor", "Joëlle", "Ingrid", "Aisha", "Colleen",
        "María Fernanda", "Lucía", "Inés", "Begoña", "Sofía", "Verónica", "Mónica", "Araceli", "Zoé",
        "Ximena", "Itzel",
    )
)  # fmt: skip


# --- plan ----------------------------------------------------------------------------------


@dataclass
class _Article:
    index: int
    published: dt.date
    outlet: int
    found_in: str = "url"
    stamp: str = ""  # the phrase that shows the date (text or address)
    events: list[int] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)  # quotes of events first reported elsewhere
    id: str = ""
    file: str = ""
    title: str = ""
    url: str = ""
    note: str | None = None


@dataclass
class _Event:
    index: int
    article: int
    category: str
    kind: str  # a phrase family, or "manual"
    phrase: str = ""
    when: str = ""  # the adverbial in the article that holds the phrase
    date: PartialDate | None = None
    end: PartialDate | None = None
    note: str | None = None
    precision_roll: float = 0.0
    sentences: list[str] = field(default_factory=list)  # quoted from the primary article
    second: int | None = None  # another article that reports it
    second_quote: str = ""
    title: str = ""
    summary: str = ""
    title_es: str = ""
    summary_es: str = ""
    actors: list[str] = field(default_factory=list)
    amount: tuple[float, str, str] | None = None
    id: str = ""


# Phrase families and their shares among the dates dateparser derives.
KINDS = (
    ("weekday", 22),
    ("yesterday", 3),
    ("today", 2),
    ("days_ago", 3),
    ("last_week", 4),
    ("this_week", 3),
    ("weeks_ago", 2),
    ("last_month", 7),
    ("month_name", 8),
    ("months_ago", 3),
    ("this_month", 1),
    ("last_year", 5),
    ("years_ago", 2),
    ("this_year", 1),
    ("month_day", 5),
    ("full_date", 18),
    ("month_year", 6),
    ("year", 4),
)
_KIND_NAMES = [k for k, _ in KINDS]
_KIND_WEIGHTS = [w for _, w in KINDS]


def _ap_day(day: dt.date, rng: random.Random) -> str:
    """A full date as a reporter writes it."""
    style = rng.random()
    if style < 0.7:
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    if style < 0.85:
        return f"{MONTHS_AP[day.month - 1]} {day.day}, {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _past_day(rng: random.Random, anchor: dt.date, floor: dt.date = FIRST_DAY) -> dt.date:
    """A day before the anchor, mostly recent, sometimes years back (never before ``floor``)."""
    span = (anchor - floor).days
    if span <= 1:
        return floor
    gap = int(rng.expovariate(1 / 90)) + 1 if rng.random() < 0.7 else rng.randrange(1, span)
    return anchor - dt.timedelta(days=min(gap, span))


class _Phrases:
    """Date phrases as the news of one day uses them.

    Stories published on the same day refer to the same few recent days ('Tuesday', 'in June',
    'on March 3'), and coverage keeps returning to notable dates (summits, signings). Besides
    being realistic, this bounds the distinct (phrase, anchor) pairs dateparser must read.
    """

    PALETTE: ClassVar[dict[str, int]] = {
        "weekday": 2,
        "month_name": 2,
        "month_day": 2,
        "days_ago": 1,
        "months_ago": 1,
        "years_ago": 1,
    }

    def __init__(self, rng: random.Random, n_notable: int):
        self.rng = rng
        span = (LAST_PUBLISHED - FIRST_DAY).days
        self.notable = sorted(FIRST_DAY + dt.timedelta(days=d) for d in rng.sample(range(span), min(span, n_notable)))
        self.palettes: dict[tuple[dt.date, str], list[str]] = {}

    def _palette(self, kind: str, anchor: dt.date) -> str:
        key = (anchor, kind)
        if key not in self.palettes:
            self.palettes[key] = [self._fresh(kind, anchor) for _ in range(self.PALETTE[kind])]
        return self.rng.choice(self.palettes[key])

    def _fresh(self, kind: str, anchor: dt.date) -> str:
        rng = self.rng
        if kind == "weekday":
            return rng.choice(WEEKDAYS)
        if kind == "month_name":
            month = MONTHS[(anchor.month - 1 - rng.randint(0, 9)) % 12]
            return f"in {month}" if rng.random() < 0.5 else month
        if kind == "month_day":
            day = anchor - dt.timedelta(days=rng.randint(2, 200))
            return f"{MONTHS[day.month - 1]} {day.day}"
        if kind == "days_ago":
            return f"{NUMBER_WORDS[rng.randint(2, 6)]} days ago"
        if kind == "months_ago":
            return f"{NUMBER_WORDS[rng.choice((2, 3, 6))]} months ago"
        return "a year ago" if rng.random() < 0.5 else "two years ago"  # years_ago

    def _notable_or_past(self, anchor: dt.date) -> dt.date:
        """Mostly a notable day of the last three years; otherwise any earlier day."""
        rng = self.rng
        if rng.random() < 0.6:
            hi = bisect.bisect_left(self.notable, anchor)
            lo = bisect.bisect_left(self.notable, anchor - dt.timedelta(days=3 * 365))
            if hi > lo:
                return self.notable[rng.randrange(lo, hi)]
        return _past_day(rng, anchor)

    def choose(self, kind: str, anchor: dt.date) -> tuple[str, str]:
        """(phrase, the words around it in the article) for a phrase family."""
        rng = self.rng
        if kind in self.PALETTE:
            phrase = self._palette(kind, anchor)
            if kind == "weekday":
                roll = rng.random()
                return phrase, f"on {phrase} night" if roll < 0.1 else f"on {phrase}" if roll < 0.7 else phrase
            if kind == "month_name":
                month = phrase.removeprefix("in ")
                return phrase, phrase if phrase.startswith("in ") or rng.random() < 0.5 else f"in early {month}"
            if kind == "month_day":
                return phrase, f"on {phrase}"
            return phrase, phrase
        if kind in ("yesterday", "today", "last_week", "this_week", "last_month", "last_year"):
            phrase = kind.replace("_", " ")
            return phrase, phrase
        if kind == "weeks_ago":
            return "two weeks ago", "two weeks ago"
        if kind == "this_month":
            return "this month", "earlier this month" if rng.random() < 0.5 else "this month"
        if kind == "this_year":
            return "this year", "earlier this year"
        if kind == "full_date":
            phrase = _ap_day(self._notable_or_past(anchor), rng)
            return phrase, f"on {phrase}"
        if kind == "month_year":
            day = self._notable_or_past(anchor)
            phrase = f"{MONTHS[day.month - 1]} {day.year}"
            return phrase, f"in {phrase}"
        if kind == "year":
            phrase = f"in {_past_day(rng, anchor).year}"
            return phrase, phrase
        raise ValueError(kind)


def _manual_date(phrase: str, anchor: dt.date, rng: random.Random) -> tuple[PartialDate, str]:
    """The date a note puts on record for a phrase dateparser cannot read, and what the note says."""
    y, m = anchor.year, anchor.month
    if phrase == "earlier this year":
        date = PartialDate(y, rng.randint(1, max(1, m - 1)))
    elif phrase == "late last year":
        date = PartialDate(y - 1, rng.choice((11, 12)))
    elif phrase == "last spring":
        date = PartialDate(y if m > 6 else y - 1, rng.choice((4, 5)))
    elif phrase == "last summer":
        date = PartialDate(y if m > 9 else y - 1, rng.choice((7, 8)))
    elif phrase == "last fall":
        date = PartialDate(y - 1, rng.choice((10, 11)))
    elif phrase == "earlier this month":
        day = max(1, anchor.day - rng.randint(1, 10))
        date = PartialDate(y, m, day)
    elif phrase == "mid-June":
        date = PartialDate(y if m > 6 else y - 1, 6, rng.randint(13, 17))
    else:  # in late March
        date = PartialDate(y if m > 3 else y - 1, 3, rng.randint(24, 31))
    where = rng.choice(
        (
            "the government’s bulletin of that day",
            "a dated statement on the ministry’s website",
            "contemporary wire reports",
            "the Diario Oficial de la Federación",
        )
    )
    first = date.first_day()
    shown = _day_text(first) if date.day else f"{MONTHS[first.month - 1]} {first.year}"
    note = (
        f"dateparser cannot read “{phrase}”. Public record: {where} dates it to {shown}. "
        "Inferred; the article gives no exact date."
    )
    return date, note


class _Resolver:
    """resolve_phrase for many (phrase, anchor) pairs, each distinct pair once.

    A phrase that names its year ('July 12, 2022', 'June 2019', 'in 2019') means the same
    whatever the anchor, at the precision the generator uses it, so it is resolved once.
    Large batches run in worker processes: dateparser costs about half a millisecond a call.
    """

    def __init__(self, workers: int | None):
        self.cache: dict[tuple[str, dt.date | None], Resolution | None] = {}
        self.pending: dict[tuple[str, dt.date | None], dt.date] = {}
        self.workers = workers
        self.calls = 0

    @staticmethod
    def key(phrase: str, anchor: dt.date) -> tuple[str, dt.date | None]:
        return (phrase, None) if _HAS_YEAR.search(phrase) else (phrase, anchor)

    def want(self, phrase: str, anchor: dt.date) -> None:
        key = self.key(phrase, anchor)
        if key not in self.cache and key not in self.pending:
            self.pending[key] = anchor

    def run(self) -> None:
        jobs = sorted((anchor.toordinal(), key[0]) for key, anchor in self.pending.items())
        keys = [self.key(phrase, dt.date.fromordinal(o)) for o, phrase in jobs]
        self.calls += len(jobs)
        workers = self.workers
        if workers is None:
            workers = min(4, os.cpu_count() or 1) if len(jobs) >= PARALLEL_FROM else 1
        if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            resolve_phrase("Tuesday", dt.date(2022, 7, 13))  # import dateparser once, before forking
            size = max(200, len(jobs) // (workers * 8))
            chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                results = [r for part in pool.map(_resolve_chunk, chunks) for r in part]
        else:
            results = _resolve_chunk(jobs)
        for key, result in zip(keys, results, strict=True):
            self.cache[key] = None if result is None else Resolution(dt.date.fromordinal(result[0]), result[1])
        self.pending.clear()

    def get(self, phrase: str, anchor: dt.date) -> Resolution | None:
        return self.cache[self.key(phrase, anchor)]


def _resolve_chunk(jobs: list[tuple[int, str]]) -> list[tuple[int, str] | None]:
    out: list[tuple[int, str] | None] = []
    for ordinal, phrase in jobs:
        res = resolve_phrase(phrase, dt.date.fromordinal(ordinal))
        out.append(None if res is None else (res.day.toordinal(), res.period))
    return out


def _precision_for(period: str, roll: float) -> str:
    """The precision a curator would give a date dateparser read at ``period``."""
    if period == "day":
        return "day" if roll < 0.72 else "month" if roll < 0.92 else "year"
    if period in ("week", "month"):
        return "month" if roll < 0.85 else "year"
    return "year"


def _derive(ev: _Event, anchor: dt.date, res: Resolution | None) -> bool:
    """Set the event's date from dateparser's reading; False when it cannot be used."""
    if res is None or res.day < FIRST_DAY or res.day > anchor:
        return False
    precision = _precision_for(res.period, ev.precision_roll)
    date = truncate(res.day, precision)
    # The rule of timeline.dates.check_derivation, which the validator applies.
    if is_finer(date.precision, res.period) or truncate(res.day, date.precision) != date:
        return False
    ev.date = date
    return True


# --- text ----------------------------------------------------------------------------------


def _slug(text: str, words: int = 7) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    parts = re.findall(r"[a-z0-9]+", ascii_text)
    return "-".join(parts[:words]) or "item"


def _unique(base: str, used: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... when it is taken."""
    candidate, n = base, 1
    while candidate in used:
        n += 1
        candidate = f"{base}-{n}"
    used.add(candidate)
    return candidate


def _day_text(day: dt.date, weekday: bool = False) -> str:
    """'13 July 2022', or 'Wednesday 13 July 2022'."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of YAML's)."""
    return json.dumps(text, ensure_ascii=False)


class _People:
    """Fictional officials for each administration, and bylines."""

    def __init__(self, rng: random.Random, admins: list[dict]):
        self.terms: list[tuple[dt.date, dt.date, str, dict[str, str]]] = []
        for admin in admins:
            us = admin["country"] == "US"
            first, last, roles = (US_FIRST, US_LAST, US_ROLES) if us else (MX_FIRST, MX_LAST, MX_ROLES)
            cabinet = {role: f"{rng.choice(first)} {rng.choice(last)}" for role, _ in roles}
            end = admin.get("end") or dt.date(2100, 1, 1)
            self.terms.append((admin["start"], end, admin["country"], cabinet))

    def cabinet(self, country: str, day: dt.date) -> dict[str, str]:
        for start, end, c, cabinet in self.terms:
            if c == country and start <= day <= end:
                return cabinet
        return next(cab for _, _, c, cab in self.terms if c == country)

    @staticmethod
    def person(rng: random.Random, country: str) -> str:
        if country == "US":
            return f"{rng.choice(US_FIRST)} {rng.choice(US_LAST)}"
        return f"{rng.choice(MX_FIRST)} {rng.choice(MX_LAST)}"


def _values(rng: random.Random, people: _People, day: dt.date) -> dict:
    """Slot values for one event's sentences."""
    us_cab, mx_cab = people.cabinet("US", day), people.cabinet("MX", day)
    us_role, us_role_long = rng.choice(US_ROLES)
    mx_role, mx_role_long = rng.choice(MX_ROLES)
    city, city2 = rng.sample(CITIES, 2)
    topic, topic2 = rng.sample(TOPICS, 2)
    us_name, mx_name = us_cab[us_role], mx_cab[mx_role]
    return {
        "us": f"{us_role} {us_name}",
        "mx": f"{mx_role} {mx_name}",
        "us_name": us_name,
        "mx_name": mx_name,
        "us_role": us_role,
        "mx_role": mx_role,
        "us_short": f"{us_role} {us_name.split(' ')[-1]}",
        "mx_short": f"{mx_role} {mx_name.split(' ')[-1]}",
        "us_role_long": us_role_long,
        "mx_role_long": mx_role_long,
        "city": city[0],
        "city2": city2[0],
        "capital": rng.choice(CAPITALS)[0],
        "topic": topic,
        "topic2": topic2,
        "us_agency": rng.choice(US_AGENCIES),
        "mx_agency": rng.choice(MX_AGENCIES),
        "region": rng.choice(REGIONS),
        "port": rng.choice(PORTS),
        "use": rng.choice(FUNDING_USES),
        "k": rng.randint(3, 14),
        "n": f"{rng.randrange(2, 60) * 500:,}",
    }


def _role_es(role: str, name: str, article: bool = False) -> str:
    """'secretaria de Estado Dubois', or with its article 'la secretaria de Estado Dubois'."""
    feminine = any(name.startswith(first + " ") for first in FEMININE_FIRST)
    title = ROLES_ES[role][feminine]
    the = ("la " if feminine else "el ") if article else ""
    return f"{the}{title} {name.split(' ')[-1]}"


def _amount_es(value: float, currency: str) -> str:
    """'1,500 millones de dólares', '500 millones de pesos' (every amount is whole millions)."""
    return f"{int(value) // 1_000_000:,} millones de {'pesos' if currency == 'MXN' else 'dólares'}"


def _values_es(values: dict, amount: tuple[float, str, str] | None) -> dict:
    """The Spanish slot values for an event whose English ones are ``values``."""
    return {
        "us_short": _role_es(values["us_role"], values["us_name"]),
        "mx_short_the": _role_es(values["mx_role"], values["mx_name"], article=True),
        "city": values["city"],
        "city2": values["city2"],
        "capital": CAPITALS_ES[values["capital"]],
        "topic": TOPICS_ES[values["topic"]][0],
        "topic_the": " ".join(TOPICS_ES[values["topic"]][::-1]),
        "topic2_the": " ".join(TOPICS_ES[values["topic2"]][::-1]),
        "region": REGIONS_ES[values["region"]],
        "port": values["port"],
        "use": FUNDING_USES_ES[values["use"]],
        "k": values["k"],
        "n": values["n"],
        "amount": _amount_es(amount[0], amount[1]) if amount else "",
    }


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _filler_pool(rng: random.Random, size: int) -> list[str]:
    """Background sentences, formatted once and drawn from for every article."""
    pool = []
    for _ in range(size):
        city = rng.choice(CITIES)[0]
        pool.append(
            rng.choice(FILLERS).format(
                city=city,
                capital=rng.choice(CAPITALS)[0],
                us_agency=rng.choice(US_AGENCIES),
                mx_agency=rng.choice(MX_AGENCIES),
                mx_person=_People.person(rng, "MX"),
                us_person=_People.person(rng, "US"),
                k=rng.randint(3, 95),
                n=f"{rng.randrange(4, 40) * 500:,}",
            )
        )
    return pool


# --- output folder -------------------------------------------------------------------------


def _is_synth_output(out_dir: Path) -> bool:
    marker = out_dir / MARKER
    if not marker.is_file() or marker.is_symlink():
        return False
    try:
        return json.loads(marker.read_text(encoding="utf-8")).get("generator") == "timeline.synth"
    except (OSError, ValueError, AttributeError):
        return False


def _strays(out_dir: Path) -> list[str]:
    """Entries of a previous synth output that synth would not have written."""
    strays = []
    for entry in sorted(out_dir.iterdir()):
        if entry.name == MARKER:
            continue
        if entry.name not in ("data", "seeds") or entry.is_symlink() or not entry.is_dir():
            strays.append(entry.name)
            continue
        for inner in sorted(entry.iterdir()):
            ok = inner.name in _DATA_FILES if entry.name == "data" else bool(_ARTICLE_NAME.match(inner.name))
            if not ok or inner.is_symlink() or not inner.is_file():
                strays.append(f"{entry.name}/{inner.name}")
    return strays


def _prepare_out_dir(out_dir: Path) -> None:
    """Make ``out_dir`` ready: new, empty, or a previous synth output (cleared). Refuse anything else."""
    if out_dir.exists() and not out_dir.is_dir():
        raise SynthError(f"{out_dir} is a file, not a folder")
    if out_dir.is_dir() and any(out_dir.iterdir()):
        if not _is_synth_output(out_dir):
            raise SynthError(
                f"{out_dir} is not empty and is not a previous synth output ({MARKER} missing); "
                "refusing to overwrite it: give a new or empty folder"
            )
        strays = _strays(out_dir)
        if strays:
            shown = ", ".join(strays[:5]) + (f" and {len(strays) - 5} more" if len(strays) > 5 else "")
            raise SynthError(f"{out_dir} holds files synth did not write ({shown}); refusing to overwrite it")
        shutil.rmtree(out_dir / "data", ignore_errors=True)
        shutil.rmtree(out_dir / "seeds", ignore_errors=True)
    (out_dir / "data").mkdir(parents=True, exist_ok=True)
    (out_dir / "seeds").mkdir(exist_ok=True)


# --- the generator -------------------------------------------------------------------------


def generate_dataset(n_events: int, out_dir: Path, seed: int = 0, *, workers: int | None = None) -> dict:
    """Write a valid synthetic dataset of ``n_events`` events into ``out_dir``/data and /seeds.

    ``workers`` is how many processes run dateparser (default: up to 4 for big datasets).
    Returns a summary: events, sources, excerpts, manual dates, files and bytes written.
    Raises ValueError for a bad count and SynthError for a folder that holds other files.
    """
    if isinstance(n_events, bool) or not isinstance(n_events, int) or n_events < 1:
        raise ValueError(f"the number of events must be a whole number of at least 1, not {n_events!r}")
    if n_events > MAX_EVENTS:
        raise ValueError(f"at most {MAX_EVENTS:,} events, not {n_events:,}")
    out_dir = Path(out_dir)
    admin_text = (DEFAULT_DATA_DIR / "administrations.yaml").read_text(encoding="utf-8")
    admins = yaml.safe_load(admin_text)["administrations"]
    _prepare_out_dir(out_dir)
    marker = {"generator": "timeline.synth", "events": n_events, "seed": seed}
    written = _write(out_dir / MARKER, json.dumps(marker, indent=2) + "\n")

    rng = random.Random(f"timeline-synth:{seed}")
    people = _People(random.Random(f"timeline-synth:{seed}:people"), admins)
    articles = _plan_articles(rng, n_events)
    events = _plan_events(rng, articles, n_events)
    manual, calls = _date_events(rng, articles, events, workers)
    _compose_events(rng, people, articles, events)
    _link_second_sources(rng, articles, events)
    written += _write_articles(rng, people, out_dir / "seeds", articles, events)
    written += _write(out_dir / "data" / "administrations.yaml", admin_text)
    written += _write(out_dir / "data" / "sources.yaml", _sources_yaml(articles, n_events, seed))
    written += _write(out_dir / "data" / "events.yaml", _events_yaml(articles, events, n_events, seed))
    return {
        "events": len(events),
        "sources": len(articles),
        "excerpts": sum(len(e.sentences) + (e.second is not None) for e in events),
        "manual_dates": manual,
        "dateparser_calls": calls,
        "files": len(articles) + 4,
        "bytes": written,
        "out": str(out_dir),
    }


def _write(path: Path, text: str) -> int:
    data = text.encode("utf-8")
    path.write_bytes(data)
    return len(data)


def _plan_articles(rng: random.Random, n_events: int) -> list[_Article]:
    """About one article for five events, published on news days between 2006 and 2025."""
    n_articles = max(1, round(n_events / EVENTS_PER_ARTICLE))
    # Stories cluster: several outlets publish on the same news day.
    n_days = max(1, min(n_articles, round(n_articles**0.8)))
    span = (LAST_PUBLISHED - FIRST_PUBLISHED).days + 1
    days = sorted(rng.sample(range(span), min(n_days, span)))
    published = sorted(FIRST_PUBLISHED + dt.timedelta(days=rng.choice(days)) for _ in range(n_articles))
    articles = [_Article(i, day, rng.randrange(len(OUTLETS))) for i, day in enumerate(published)]
    for art in articles:
        _, _, url_style, text_share = OUTLETS[art.outlet]
        roll = rng.random()
        if roll < text_share:
            art.found_in = "text"
        elif url_style != "none" and roll < 0.88:
            art.found_in = "url"
        else:
            art.found_in = "record"
    return articles


def _plan_events(rng: random.Random, articles: list[_Article], n_events: int) -> list[_Event]:
    n_articles = len(articles)
    owners = list(range(n_articles)) + [rng.randrange(n_articles) for _ in range(n_events - n_articles)]
    events = []
    for i, owner in enumerate(owners):
        category = rng.choices(CATEGORIES, CATEGORY_WEIGHTS)[0]
        kind = "manual" if rng.random() < 0.05 else rng.choices(_KIND_NAMES, _KIND_WEIGHTS)[0]
        ev = _Event(i, owner, category, kind, precision_roll=rng.random())
        events.append(ev)
        articles[owner].events.append(i)
    return events


def _date_events(
    rng: random.Random, articles: list[_Article], events: list[_Event], workers: int | None
) -> tuple[int, int]:
    """Give every event a phrase, a date and maybe an end; return (manual dates, dateparser calls)."""
    resolver = _Resolver(workers)
    phrases = _Phrases(rng, max(20, len({a.published for a in articles})))
    for ev in events:
        anchor = articles[ev.article].published
        if ev.kind == "manual":
            if rng.random() < 0.7:
                ev.phrase = rng.choice(MANUAL_PHRASES)
                ev.when = ev.phrase
                ev.date, ev.note = _manual_date(ev.phrase, anchor, rng)
                if ev.date.first_day() < FIRST_DAY:
                    ev.phrase = ev.when = "earlier this month"
                    ev.date, ev.note = _manual_date(ev.phrase, anchor, rng)
            else:  # the article names the wrong weekday; the note corrects it
                ev.phrase = rng.choice(WEEKDAYS)
                ev.when = f"on {ev.phrase}"
        else:
            ev.phrase, ev.when = phrases.choose(ev.kind, anchor)
        resolver.want(ev.phrase, anchor)
    resolver.run()

    retry = []
    manual = 0
    for ev in events:
        anchor = articles[ev.article].published
        res = resolver.get(ev.phrase, anchor)
        if ev.kind == "manual":
            if ev.note is None:  # misdated weekday: dateparser reads it, the record says a day earlier
                day = res.day - dt.timedelta(days=1) if res else anchor - dt.timedelta(days=2)
                ev.date = PartialDate(day.year, day.month, day.day)
                ev.note = (
                    f"The article says “{ev.phrase}”, which dateparser reads as {res.day if res else 'nothing'}, "
                    f"but the public record (the signed text and wire reports) dates it to {_day_text(day, True)}, "
                    "a day earlier. The outlet later ran a correction."
                )
            if (
                res is not None
                and not is_finer(ev.date.precision, res.period)
                and truncate(res.day, ev.date.precision) == ev.date
            ):
                ev.note = None  # dateparser happens to agree: an automatic date needs no note
            else:
                manual += 1
            continue
        if not _derive(ev, anchor, res):
            retry.append(ev)
    for ev in retry:  # e.g. "two years ago" from 2007: use a full date instead
        anchor = articles[ev.article].published
        ev.kind = "full_date"
        ev.phrase, ev.when = phrases.choose(ev.kind, anchor)
        resolver.want(ev.phrase, anchor)
    resolver.run()
    for ev in retry:
        anchor = articles[ev.article].published
        if not _derive(ev, anchor, resolver.get(ev.phrase, anchor)):
            raise RuntimeError(f'dateparser does not read "{ev.phrase}" against {anchor} as expected')

    for ev in events:  # programs and operations that run for a while
        if ev.category in ("agreement", "funding", "enforcement", "migration-pathways") and rng.random() < 0.1:
            last = ev.date.last_day()
            if ev.date.precision == "year":
                year = last.year + rng.randint(1, 3)
                ev.end = PartialDate(year) if year <= LAST_END.year else None
            else:
                months = last.year * 12 + last.month - 1 + rng.randint(1, 30)
                end = PartialDate(months // 12, months % 12 + 1)
                ev.end = end if end.last_day() <= LAST_END else None
    return manual, resolver.calls


def _compose_events(rng: random.Random, people: _People, articles: list[_Article], events: list[_Event]) -> None:
    """Title, summary, actors, amounts and the sentences the excerpts quote."""
    for ev in events:
        day = ev.date.first_day()
        values = _values(rng, people, day)
        values["when"] = ev.when
        if ev.category == "funding":
            pesos = rng.random() < 0.3
            value, text = rng.choice(MXN_AMOUNTS if pesos else AMOUNTS)
            values["amount"] = text
            ev.amount = (value, "MXN" if pesos else "USD", values["use"])
        else:
            values["amount"] = ""
        title, lead, summary = rng.choice(TEMPLATES[ev.category])
        ev.title = title.format(**values)
        ev.summary = summary.format(**values)
        title_es, summary_es = TEMPLATES_ES[ev.category][TEMPLATES[ev.category].index((title, lead, summary))]
        values_es = _values_es(values, ev.amount)
        ev.title_es = _capitalize(title_es.format(**values_es))
        ev.summary_es = _capitalize(summary_es.format(**values_es))
        if ev.end is not None:
            shown = str(ev.end.year) if ev.end.precision == "year" else f"{MONTHS[ev.end.month - 1]} {ev.end.year}"
            ev.summary += f" It was to run until {shown}."
            shown_es = (
                str(ev.end.year) if ev.end.precision == "year" else f"{MONTHS_ES[ev.end.month - 1]} de {ev.end.year}"
            )
            ev.summary_es += f" Estaba previsto que se mantuviera hasta {shown_es}."
        sentences = [lead.format(**values)]
        if ev.phrase not in sentences[0]:  # the validator looks for the phrase in the article
            raise RuntimeError(f'"{ev.phrase}" is not in "{sentences[0]}"')
        n_quotes = rng.choices((1, 2, 3), (50, 35, 15))[0]
        if n_quotes >= 2:
            us_speaks = rng.random() < 0.5
            speaker = values["us_name"] if us_speaks else values["mx_name"]
            role = values["us_role_long"] if us_speaks else values["mx_role_long"]
            sentences.append(STATEMENT.format(statement=rng.choice(STATEMENTS), speaker=speaker, role=role))
        if n_quotes >= 3:
            sentences.append(rng.choice(DETAILS).format(**values))
        ev.sentences = sentences
        actors = []
        if "{us}" in lead or "{us_short}" in title or (len(sentences) > 1 and values["us_name"] in sentences[1]):
            actors.append(values["us_name"])
        if "{mx}" in lead or "{mx_short}" in title or (len(sentences) > 1 and values["mx_name"] in sentences[1]):
            actors.append(values["mx_name"])
        if "{us_agency}" in lead:
            actors.append(values["us_agency"])
        if "{mx_agency}" in lead:
            actors.append(values["mx_agency"])
        if not actors:
            actors = ["Government of Mexico", "Government of the United States"]
        ev.actors = actors
        articles[ev.article].title = articles[ev.article].title or ev.title


def _link_second_sources(rng: random.Random, articles: list[_Article], events: list[_Event]) -> None:
    """About one event in eight is also reported by another article published on or after it,
    within two weeks of the first report."""
    n = len(articles)
    for ev in events:
        if n < 2 or rng.random() >= 0.125:
            continue
        first, published = ev.date.first_day(), articles[ev.article].published
        lo, hi = max(0, ev.article - 15), min(n, ev.article + 16)
        candidates = [
            j
            for j in range(lo, hi)
            if j != ev.article and first <= articles[j].published <= published + dt.timedelta(days=14)
        ]
        if not candidates:
            continue
        j = rng.choice(candidates)
        # Wire copy repeats the lead word for word; otherwise the statement is quoted.
        quote = ev.sentences[0] if len(ev.sentences) == 1 or rng.random() < 0.6 else ev.sentences[1]
        ev.sentences = ev.sentences[:2]
        ev.second, ev.second_quote = j, quote
        articles[j].extra.append(quote)


def _stamp(art: _Article, rng: random.Random) -> None:
    """Where the article's publication date is shown: its text, its address or only the record."""
    name, domain, url_style, _ = OUTLETS[art.outlet]
    day = art.published
    slug = _slug(art.title, 9)
    if url_style == "slash":
        art.url = f"https://www.{domain}/{day:%Y/%m/%d}/{slug}/"
        url_stamp = f"{day:%Y/%m/%d}"
    elif url_style == "compact":
        art.url = f"https://{domain}/articles/{100 + art.index}/{day:%Y%m%d}/{slug}.htm"
        url_stamp = f"{day:%Y%m%d}"
    elif url_style == "iso":
        art.url = f"https://{domain}/news/{slug}-{day:%Y-%m-%d}"
        url_stamp = f"{day:%Y-%m-%d}"
    else:
        art.url = f"https://{domain}/noticias/{slug}-{rng.randrange(10**6, 10**7)}"
        url_stamp = ""
    if art.found_in == "url":
        art.stamp = url_stamp
    elif art.found_in == "text":
        if rng.random() < 0.15:
            art.stamp = f"{day:%Y-%m-%d} {rng.randint(6, 22):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"
        else:
            art.stamp = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    else:
        art.note = (
            f"Neither the page nor its address carries a date; {name}’s archive index lists the story "
            f"under {_day_text(day)}."
        )


def _write_articles(
    rng: random.Random, people: _People, seeds_dir: Path, articles: list[_Article], events: list[_Event]
) -> int:
    pool = _filler_pool(rng, 1500)
    used_ids: set[str] = set()
    written = 0
    width = max(5, len(str(len(articles) - 1)))
    for art in articles:
        _stamp(art, rng)
        name = OUTLETS[art.outlet][0]
        art.id = _unique(f"{_slug(name, 3)}-{art.published:%Y-%m-%d}-{_slug(art.title, 4)}", used_ids)
        target = int(rng.triangular(2000, 8000, 3800))
        own = [events[i] for i in art.events]
        dateline = rng.choice(CITIES + CAPITALS)[1]
        byline = f"By {_People.person(rng, rng.choice(('US', 'MX')))}"
        if art.found_in == "text":
            byline += f" | Published {art.stamp}" if ":" not in art.stamp else f" | Updated {art.stamp}"
        paragraphs = [art.title, byline]
        for k, ev in enumerate(own):
            body = " ".join(ev.sentences)
            paragraphs.append(f"{dateline} — {body}" if k == 0 else body)
            if rng.random() < 0.6:
                paragraphs.append(" ".join(rng.sample(pool, rng.randint(2, 3))))
        for quote in art.extra:
            paragraphs.append(f"{quote} {rng.choice(pool)}")
            paragraphs.append(" ".join(rng.sample(pool, 2)))
        size = sum(len(p) + 2 for p in paragraphs)
        while size < target:
            extra = " ".join(rng.sample(pool, rng.randint(2, 4)))
            paragraphs.insert(rng.randint(3, len(paragraphs)), extra)
            size += len(extra) + 2
        if rng.random() < 0.3:
            paragraphs.append(f"© {art.published.year} {name}. All rights reserved.")
        if rng.random() < 0.15:  # some copies come hard-wrapped
            paragraphs = [_WRAP.sub(lambda m: m.group(1) + "\n", p).rstrip("\n") for p in paragraphs]
        text = "\n\n".join(paragraphs) + "\n"
        roll = rng.random()
        if roll < 0.03:
            text = text.replace("\n", "\r\n")
        data = text.encode("utf-8")
        if roll > 0.99:
            data = b"\xef\xbb\xbf" + data  # a byte-order mark, as some editors write
        art.file = f"{art.index:0{width}d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"
        (seeds_dir / art.file).write_bytes(data)
        written += len(data)
    return written


def _header(kind: str, n_events: int, seed: int) -> str:
    return (
        f"# Synthetic {kind} written by `python -m timeline synth --events {n_events} --seed {seed}`.\n"
        "# Fictional people, outlets and addresses, for benchmarks and tests: not real news.\n\n"
    )


def _sources_yaml(articles: list[_Article], n_events: int, seed: int) -> str:
    out = [_header("sources", n_events, seed), "sources:\n"]
    for art in articles:
        out.append(
            f"  - id: {art.id}\n    file: {art.file}\n    title: {_q(art.title)}\n"
            f"    outlet: {_q(OUTLETS[art.outlet][0])}\n    url: {_q(art.url)}\n"
            f"    published:\n      date: {art.published.isoformat()}\n      found_in: {art.found_in}\n"
        )
        if art.stamp:
            out.append(f"      phrase: {_q(art.stamp)}\n")
        if art.note:
            out.append(f"      note: {_q(art.note)}\n")
    return "".join(out)


HEADLINE_EVERY = 97  # about one event in a hundred is a headline, as in a curated timeline
LABEL_CHARS = 40


def _label(title: str) -> str:
    """A chart label: the title, cut at a word boundary to fit LABEL_CHARS with an ellipsis."""
    if len(title) <= LABEL_CHARS:
        return title
    cut = title[: LABEL_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _events_yaml(articles: list[_Article], events: list[_Event], n_events: int, seed: int) -> str:
    ordered = sorted(events, key=lambda e: (e.date.first_day(), e.date.last_day(), e.index))
    used: set[str] = set()
    out = [_header("events", n_events, seed), "events:\n"]
    for ev in ordered:
        ev.id = _unique(f"{_slug(ev.title, 6)}-{ev.date.year}", used)
        art = articles[ev.article]
        out.append(f"  - id: {ev.id}\n    title: {_q(ev.title)}\n    label: {_q(_label(ev.title))}\n")
        if ev.index % HEADLINE_EVERY == 0:
            out.append("    headline: true\n")
        out.append(
            f"    summary: {_q(ev.summary)}\n"
            f"    category: {ev.category}\n    actors: [{', '.join(_q(a) for a in ev.actors)}]\n"
        )
        if ev.amount:
            value, currency, what = ev.amount
            out.append(f"    amounts:\n      - value: {value}\n        currency: {currency}\n")
            out.append(f"        what: {_q(what)}\n")
        out.append(f"    date: {ev.date}\n")
        if ev.end is not None:
            out.append(f"    end: {ev.end}\n")
        out.append(
            f"    date_evidence:\n      source: {art.id}\n      phrase: {_q(ev.phrase)}\n"
            f"      anchor: {art.published.isoformat()}\n"
        )
        if ev.note:
            out.append(f"      note: {_q(ev.note)}\n")
        out.append("    excerpts:\n")
        for sentence in ev.sentences:
            out.append(f"      - source: {art.id}\n        quote: {_q(sentence)}\n")
        if ev.second is not None:
            out.append(f"      - source: {articles[ev.second].id}\n        quote: {_q(ev.second_quote)}\n")
        out.append(
            f"    translations:\n      es:\n        title: {_q(ev.title_es)}\n"
            f"        label: {_q(_label(ev.title_es))}\n        summary: {_q(ev.summary_es)}\n"
        )
    return "".join(out)


# --- command line --------------------------------------------------------------------------


def cli_main(args) -> int:
    """``python -m timeline synth``: write the dataset and print a one-line summary."""
    if args.events < 1:
        print(f"error: --events must be at least 1, not {args.events}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    try:
        summary = generate_dataset(args.events, args.out, args.seed)
    except (ValueError, SynthError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    print(
        f"wrote {summary['events']:,} events, {summary['sources']:,} sources and their articles "
        f"({summary['bytes'] / 1e6:.1f} MB, {summary['manual_dates']:,} manual dates) "
        f"to {args.out} in {seconds:.1f} s (seed {args.seed})"
    )
    return 0
