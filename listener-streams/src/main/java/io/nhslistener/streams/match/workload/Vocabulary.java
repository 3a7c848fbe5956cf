package io.nhslistener.streams.match.workload;

import java.util.List;

/** Words of NHS social talk the synthetic workload is made of: real place names, services and everyday phrasing. */
final class Vocabulary {
  private Vocabulary() {}

  /** English, Welsh and Scottish towns and cities, districts and London boroughs. */
  static final List<String> PLACES = List.of(
      "Leeds", "Bradford", "Wakefield", "Huddersfield", "Halifax", "Harrogate", "York", "Scarborough", "Hull",
      "Grimsby", "Doncaster", "Rotherham", "Sheffield", "Barnsley", "Chesterfield", "Derby", "Nottingham", "Mansfield",
      "Lincoln", "Boston", "Leicester", "Loughborough", "Northampton", "Kettering", "Coventry", "Warwick", "Rugby",
      "Birmingham", "Solihull", "Dudley", "Walsall", "Wolverhampton", "Sandwell", "Worcester", "Redditch", "Hereford",
      "Shrewsbury", "Telford", "Stafford", "Stoke", "Burton", "Lichfield", "Tamworth", "Nuneaton", "Manchester",
      "Salford", "Stockport", "Oldham", "Rochdale", "Bury", "Bolton", "Wigan", "Warrington", "Liverpool", "Wirral",
      "Southport", "Ormskirk", "Preston", "Blackpool", "Blackburn", "Burnley", "Lancaster", "Kendal", "Carlisle",
      "Whitehaven", "Newcastle", "Gateshead", "Sunderland", "Durham", "Darlington", "Middlesbrough", "Stockton",
      "Hartlepool", "Northumberland", "Hexham", "Cramlington", "Norwich", "Ipswich", "Colchester", "Chelmsford",
      "Southend", "Basildon", "Harlow", "Cambridge", "Peterborough", "Huntingdon", "Bedford", "Luton", "Stevenage",
      "Watford", "Hemel", "Oxford", "Banbury", "Reading", "Slough", "Wexham", "Swindon", "Bath", "Bristol", "Weston",
      "Gloucester", "Cheltenham", "Taunton", "Yeovil", "Exeter", "Torbay", "Plymouth", "Truro", "Barnstaple",
      "Salisbury", "Bournemouth", "Poole", "Dorchester", "Southampton", "Portsmouth", "Winchester", "Basingstoke",
      "Frimley", "Guildford", "Epsom", "Redhill", "Brighton", "Worthing", "Chichester", "Eastbourne", "Hastings",
      "Maidstone", "Tunbridge", "Ashford", "Canterbury", "Margate", "Dartford", "Medway", "Croydon", "Kingston",
      "Sutton", "Lewisham", "Greenwich", "Woolwich", "Bromley", "Lambeth", "Southwark", "Camden", "Islington",
      "Hackney", "Homerton", "Whittington", "Barnet", "Enfield", "Haringey", "Ealing", "Hillingdon", "Harrow",
      "Hounslow", "Brent", "Westminster", "Chelsea", "Fulham", "Hammersmith", "Wandsworth", "Tooting", "Romford",
      "Ilford", "Barking", "Havering", "Redbridge", "Newham", "Whipps", "Tower", "Cardiff", "Swansea", "Newport",
      "Wrexham", "Bangor", "Aberystwyth", "Carmarthen", "Bridgend", "Merthyr", "Llandudno", "Glasgow", "Edinburgh",
      "Dundee", "Aberdeen", "Inverness", "Stirling", "Perth", "Paisley", "Ayr", "Dumfries", "Airedale", "Calderdale",
      "Kirklees", "Pinderfields", "Dewsbury", "Pontefract", "Keighley", "Skipton", "Ilkley", "Otley", "Wetherby",
      "Selby", "Goole", "Scunthorpe", "Louth", "Grantham", "Newark", "Worksop", "Bassetlaw", "Kings", "Lynn",
      "Wisbech", "Ely", "Thetford", "Lowestoft", "Yarmouth", "Cromer", "Bury", "Sudbury", "Clacton", "Braintree");

  /** Kinds of organisation, as they appear in names. */
  static final List<String> TRUST_KINDS = List.of("Teaching Hospitals NHS Trust", "Hospitals NHS Foundation Trust",
      "and District NHS Foundation Trust", "Community Health NHS Trust", "Mental Health NHS Foundation Trust",
      "University Hospitals NHS Trust", "Royal Infirmary", "General Hospital", "District General Hospital");

  static final List<String> PRACTICE_KINDS = List.of("Medical Centre", "Surgery", "Health Centre", "Medical Practice",
      "Family Practice", "Primary Care Network", "Group Practice", "Healthy Living Centre");

  static final List<String> STREETS = List.of("Church Street", "High Street", "Park Road", "Station Road", "Mill Lane",
      "Victoria Road", "Kings Road", "Queens Road", "The Green", "Market Square", "Oakwood", "Beechwood", "Elmfield",
      "Ashgrove", "Hollybank", "Meadowbank", "Riverside", "Westgate", "Northgate", "Eastfield", "Southview", "Hillside",
      "Brookside", "Parkside", "Woodlands", "Moorland", "Fernbank", "Rosedale", "Castle", "Abbey");

  static final List<String> QUALIFIERS = List.of("", "", "", "North", "South", "East", "West", "Central", "Old", "New",
      "Upper", "Lower");

  /** Services and topics people post about. */
  static final List<String> SERVICES = List.of("maternity", "a&e", "ward", "cancer", "stroke", "mental health",
      "children's", "dementia", "surgery", "outpatients", "pharmacy", "physio", "radiology", "cardiology", "dental",
      "vaccination", "blood test", "scan", "appointment", "discharge", "ambulance", "parking", "car park",
      "waiting list", "referral", "clinic", "nurses", "doctors", "consultant", "midwives");

  static final List<String> OPENINGS = List.of("Just spent", "Really impressed with", "Absolutely furious about",
      "Can anyone tell me about", "Shout out to", "Still waiting on", "So grateful for", "Why is nobody talking about",
      "Worried about", "Thank you to", "Disgraceful", "Good news about", "Update on", "Fed up with", "Brilliant",
      "Terrible experience with", "Heads up:", "Anyone else had problems with", "Proud of", "Concerned about");

  static final List<String> FILLER = List.of("the", "staff", "were", "so", "kind", "and", "patient", "but", "the",
      "wait", "was", "hours", "long", "again", "today", "yesterday", "this", "morning", "my", "mum", "dad", "son",
      "daughter", "had", "an", "appointment", "cancelled", "twice", "no", "beds", "available", "they", "said",
      "come", "back", "next", "week", "honestly", "can't", "fault", "them", "queue", "outside", "in", "the", "rain",
      "phone", "lines", "busy", "all", "day", "new", "building", "looks", "great", "parking", "costs", "a", "fortune",
      "junior", "doctors", "strike", "nurses", "deserve", "better", "pay", "government", "cuts", "funding",
      "consultation", "closing", "moving", "services", "to", "another", "site", "miles", "away", "petition", "sign",
      "share", "please", "thanks", "everyone", "who", "helped", "amazing", "care", "from", "team", "on", "shift");

  static final List<String> TOPIC_WORDS = List.of("closure", "cuts", "strike", "waiting", "delays", "shortage",
      "funding", "consultation", "merger", "inspection", "cqc", "rating", "outbreak", "norovirus", "covid", "flu",
      "winter", "pressures", "corridor", "trolley");

  static final List<String> HASHTAGS = List.of("#NHS", "#NHSStrike", "#SaveOurNHS", "#JuniorDoctors", "#AandE",
      "#WinterPressures", "#MentalHealth", "#NHSWaitingList", "#Maternity", "#CQC", "#PublicHealth", "#GPcrisis");

  static final List<String> LINKS = List.of("https://www.bbc.co.uk/news/health-68123456",
      "https://www.theguardian.com/society/nhs", "https://www.england.nhs.uk/statistics/",
      "https://www.yorkshireeveningpost.co.uk/health/", "https://www.change.org/p/save-our-unit",
      "https://t.co/Ab12Cd34Ef", "https://www.cqc.org.uk/provider/RR8");
}
