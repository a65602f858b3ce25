"""Original demo content for `seed_demo`: fictional stories written for Byline.

The rules this content keeps (markup, typography, coverage) are tests, in
`tests/demo/test_content.py`.
"""

SECTIONS = [
    {
        "slug": "south-asia",
        "name": "South Asia",
        "description": "Borders, militancy, policing and politics from Afghanistan to the Bay of Bengal.",
        "order": 1,
    },
    {
        "slug": "middle-east",
        "name": "Middle East",
        "description": "Conflict, shipping, sanctions and the long aftermath of war across the region.",
        "order": 2,
    },
    {
        "slug": "europe",
        "name": "Europe",
        "description": "Counter-terrorism, infrastructure protection and election security across the continent.",
        "order": 3,
    },
    {
        "slug": "africa",
        "name": "Africa",
        "description": "Insurgency, maritime crime and humanitarian access from the Sahel to the Gulf of Guinea.",
        "order": 4,
    },
    {
        "slug": "analysis",
        "name": "Analysis",
        "description": "Longer reads that step back from the news to explain what is changing and why.",
        "order": 5,
    },
]

AUTHORS = [
    {
        "slug": "rafiq-anwar",
        "name": "Rafiq Anwar",
        "bio": "Rafiq Anwar is Byline’s South Asia correspondent, covering borders, militancy and policing. He previously reported on courts and local government for a regional daily.",
    },
    {
        "slug": "priya-venkatraman",
        "name": "Priya Venkatraman",
        "bio": "Priya Venkatraman writes about security policy, prisons and rehabilitation. She has a background in criminology and spent five years as a data reporter.",
    },
    {
        "slug": "samira-nassif",
        "name": "Samira Nassif",
        "bio": "Samira Nassif covers the Middle East for Byline, with a focus on shipping, sanctions and displacement. She speaks Arabic, French and English.",
    },
    {
        "slug": "imogen-varley",
        "name": "Imogen Varley",
        "bio": "Imogen Varley is Byline’s Europe editor, reporting on counter-terrorism, elections and critical infrastructure. She joined the publication after a decade on a national news desk.",
    },
    {
        "slug": "adaeze-nwosu-hale",
        "name": "Adaeze Nwosu-Hale",
        "bio": "Adaeze Nwosu-Hale reports on conflict, humanitarian access and maritime crime across Africa. She is based in West Africa and travels widely in the Sahel.",
    },
    {
        "slug": "marten-holloway",
        "name": "Marten Holloway",
        "bio": "Marten Holloway is Byline’s senior analyst, writing on drones, sanctions and the economics of armed groups. He previously worked as a researcher on conflict and arms control.",
    },
]

ARTICLES = [
    {
        "slug": "drone-sightings-prompt-new-border-night-watch-rules",
        "title": "Drone sightings along northern frontier prompt new night-watch rules for border units",
        "standfirst": "Border commanders have ordered round-the-clock observation posts and new reporting procedures after a cluster of unexplained small-drone flights over farmland near the frontier, some of which officials believe were used to drop contraband.",
        "section": "south-asia",
        "authors": ["rafiq-anwar"],
        "tags": ["Border security", "Drones", "Counter-terrorism", "Intelligence"],
        "days_ago": 0,
        "hours_ago": 3,
        "body": """<p>Border units in the northern districts have been told to staff observation posts through the night and to log every sighting of a small unmanned aircraft, after farmers reported more than forty unexplained flights in the past six weeks. The new instructions, circulated to company commanders last week and seen by Byline, mark the first time the force has issued drone-specific standing orders for a stretch of frontier that runs through irrigated farmland and a string of small market towns.</p>
<p>Most of the sightings have been clustered between midnight and four in the morning, when the aircraft are hardest to see and the noise of irrigation pumps masks their motors. In at least three cases, patrols recovered packages wrapped in tape in fields close to the boundary fence. Officials declined to say what the packages contained, but two people familiar with the inquiry said they held narcotics and a small number of pistol magazines.</p>
<blockquote><p>“We are not dealing with military hardware. These are hobby aircraft, bought online and modified in a back room. That is exactly what makes them difficult: they are cheap, quiet and there are a great many of them.”</p></blockquote>
<p>The senior officer responsible for the sector, who spoke on condition of anonymity because he was not authorised to brief the press, said the force had been slow to adapt. Until recently, drone sightings were recorded in the same ledger as stray livestock and damaged fencing, and were rarely passed up the chain of command. Under the new rules, each sighting must be reported within thirty minutes, with a compass bearing, an estimated altitude and a note of any sound.</p>
<h2>Jamming equipment on order</h2>
<p>The force has requested portable radio-frequency jammers for six of its busiest posts, according to a procurement notice published this month. Such devices can sever the link between a drone and its operator, usually forcing the aircraft to land or return to its launch point. But they also interfere with mobile phone signals and agricultural equipment, and local councillors have already asked for assurances that villages close to the fence will not lose coverage at night.</p>
<p>Farmers in the area describe a mixture of irritation and unease. Several said they had grown used to the buzz of the aircraft overhead and no longer bothered to report it, assuming that nothing would be done. Others worry that heavier patrolling will bring new restrictions on when they can work fields close to the boundary, where access is already limited to daylight hours and requires a pass issued by the local police station.</p>
<p>Security analysts say the pattern mirrors developments along other contested borders, where smuggling networks have adopted consumer drones faster than the agencies trying to stop them. The longer-term concern, they argue, is not the contraband itself but the knowledge being built up by the operators: routes, flight times and the blind spots of border radar. That knowledge could be sold on, or put to more dangerous use, long after the current wave of flights has ended.</p>""",
        "related": [
            "analysis-cheap-drones-rewriting-insurgency",
            "election-security-plan-polling-stations",
        ],
        "hero": {
            "alt": "Abstract illustration of concentric rings radiating over a dark field, suggesting radar sweeps at night",
            "caption": "Border units have been ordered to log every drone sighting.",
            "credit": "Illustration: Byline",
            "palette": ["#1b263b", "#415a77", "#e0a458"],
            "motif": "circles",
            "focal": (30, 35),
        },
    },
    {
        "slug": "insurers-tighten-terms-red-sea-shipping",
        "title": "Insurers tighten terms as Red Sea shipping routes face renewed threats",
        "standfirst": "Marine insurers have raised war-risk premiums and added new conditions for vessels transiting the southern Red Sea, after a series of drone sightings near commercial traffic prompted several operators to consider the long route around Africa.",
        "section": "middle-east",
        "authors": ["samira-nassif"],
        "tags": ["Maritime security", "Sanctions", "Drones", "Diplomacy"],
        "days_ago": 1,
        "hours_ago": 8,
        "body": """<p>Marine insurers have raised war-risk premiums for ships passing through the southern Red Sea for the second time this quarter, according to brokers, after crews on at least five commercial vessels reported drones flying close to their ships in the past fortnight. None of the vessels was struck, but the sightings have revived fears about one of the world’s busiest shipping corridors and the narrow chokepoint at its southern end.</p>
<p>Brokers say premiums for a single transit have roughly doubled since the start of the year, and that some underwriters are now attaching conditions to cover, including requirements for armed guards, restricted night-time transit and advance notice to naval coalitions operating in the area. For a large container ship, the additional cost of one passage can now run into hundreds of thousands of dollars, a figure that quickly erodes the savings of the shorter route.</p>
<blockquote><p>“Every operator is doing the same sum: the cost of insurance and risk against the cost of ten extra days at sea. A month ago, the answer was clear. Now it depends on the ship, the cargo and the crew.”</p></blockquote>
<p>That calculation, described by a shipping analyst who advises several mid-sized lines, is being repeated across the industry. A number of smaller operators have already rerouted vessels around the Cape of Good Hope, accepting higher fuel bills and longer voyages. Larger lines have so far kept most of their schedules unchanged, but industry associations say contingency plans are being updated and that crew unions have asked for the right to refuse passage through the area.</p>
<h2>Diplomacy and deterrence</h2>
<p>Governments with naval vessels in the region have stepped up patrols and, in a joint statement last week, called on all parties to respect freedom of navigation. Diplomats say quiet contacts are under way with regional governments to identify where the drones are being launched from and who is supplying their components. Officials familiar with the discussions said new sanctions designations targeting procurement networks were being considered, though no decision had yet been taken.</p>
<p>Analysts caution that sanctions alone are unlikely to stop the flights. The drones reported so far appear to be relatively simple designs, assembled from commercially available engines, navigation modules and airframes. Tracing those parts through intermediaries and free-trade zones is slow work, and the networks involved have proved adept at switching suppliers once a company is named. Interdiction at sea, meanwhile, depends on intelligence that is rarely timely enough to act upon.</p>
<p>For seafarers, the uncertainty is the hardest part. Crew welfare organisations report a rise in calls from families asking whether ships carrying their relatives will pass through the area. Some companies have begun offering bonus payments for transits, while others have allowed crew members to disembark before the passage. Maritime unions say they want clearer, shared criteria for when a route should be declared too dangerous, rather than decisions taken ship by ship.</p>""",
        "related": [
            "gulf-of-guinea-joint-patrols-boardings-decline",
            "analysis-cheap-drones-rewriting-insurgency",
        ],
        "hero": {
            "alt": "Abstract illustration of diagonal bands in deep blue and sand tones, crossed by a single red line",
            "caption": "War-risk premiums for the southern Red Sea have roughly doubled this year.",
            "credit": "Illustration: Byline",
            "palette": ["#14213d", "#2a6f97", "#e63946"],
            "motif": "diagonal",
        },
    },
    {
        "slug": "baltic-inquiry-widens-second-cable-fault",
        "title": "Baltic inquiry widens after second undersea cable fault in a month",
        "standfirst": "Investigators are examining the movements of several merchant ships after a second data cable on the Baltic seabed was damaged within weeks, as governments weigh how to protect infrastructure that is vast, remote and largely unguarded.",
        "section": "europe",
        "authors": ["imogen-varley"],
        "tags": [
            "Critical infrastructure",
            "Maritime security",
            "Intelligence",
            "Cyber security",
        ],
        "days_ago": 2,
        "hours_ago": 4,
        "body": """<p>An investigation into damage to a data cable on the floor of the Baltic Sea has widened to include a second incident, after operators reported a fault on another line less than a month after the first. Both cables carry internet and telephone traffic between coastal states, and while traffic was rerouted within hours and customers saw little disruption, the repeated failures have alarmed officials responsible for the region’s critical infrastructure.</p>
<p>Investigators are examining data from ship tracking systems to establish which vessels passed over the cables in the hours before each fault was detected. Officials have not said whether they suspect deliberate sabotage. Cables are damaged surprisingly often by anchors and fishing gear, and one official cautioned against drawing conclusions before a repair ship has recovered the damaged sections and engineers have examined them for marks that could indicate a cause.</p>
<blockquote><p>“One fault is an accident until proven otherwise. Two in a month, in the same waters, is a pattern that we are obliged to take seriously.”</p></blockquote>
<p>The remark, from a senior official at a regional coastguard, reflects a shift in how governments view seabed infrastructure. For decades, cables and pipelines were treated largely as commercial assets, protected by law but rarely by physical surveillance. That has changed after a string of incidents in northern European waters, which prompted navies to increase patrols and allies to set up coordination cells focused on <a href="https://example.org/explainers/seabed-infrastructure">undersea infrastructure</a>.</p>
<h2>Hard to watch, harder to prove</h2>
<p>Protecting the network is difficult. Thousands of kilometres of cable lie on the seabed, much of it in international waters and often in shallow areas heavily used by shipping. Sensors can detect disturbances along some routes, and satellites and patrol aircraft can track vessels, but none of these can prevent a ship from dragging an anchor. Proving intent afterwards, investigators say, is harder still, especially once a vessel has left territorial waters.</p>
<p>Cyber security specialists point out that physical damage is only one risk. Landing stations, where cables come ashore, and the management systems that route traffic are also potential targets, and an attack on these could cause wider disruption than a single cut. Several governments have ordered reviews of security at landing sites, and operators have been asked to report incidents more quickly to national cyber agencies.</p>
<p>The repair ship is expected to reach the second site later this week, weather permitting. Officials say the results of both examinations will be shared with neighbouring states and allies. In the meantime, coastguards have stepped up monitoring of vessels that slow down or loiter over known cable routes, and shipping companies have been reminded of their obligation to report accidental anchor drags immediately rather than waiting for an investigation to find them.</p>""",
        "related": ["coastal-radar-network-expands-eastern-seaboard"],
        "external_related": [
            {
                "title": "Primer: how subsea cables are located and repaired",
                "url": "https://example.org/primers/subsea-cable-repair",
            },
            {
                "title": "Map: data cables crossing northern European waters",
                "url": "https://example.com/maps/northern-europe-cables",
            },
        ],
        "hero": {
            "alt": "Abstract illustration of slow dark waves with a bright thread running beneath them",
            "caption": "Both damaged cables carry data between Baltic coastal states.",
            "credit": "Illustration: Byline",
            "palette": ["#0d1b2a", "#1b4965", "#62b6cb"],
            "motif": "waves",
        },
    },
    {
        "slug": "sahel-aid-corridor-reopens-after-convoy-attacks",
        "title": "Aid corridor reopens in the Sahel after weeks of convoy attacks",
        "standfirst": "Humanitarian agencies have resumed deliveries along a key supply road after a negotiated pause in attacks, but aid workers warn that the arrangement is fragile and that tens of thousands of displaced people remain beyond reach.",
        "section": "africa",
        "authors": ["adaeze-nwosu-hale"],
        "tags": ["Counter-terrorism", "Refugees", "Extremism", "Diplomacy"],
        "days_ago": 3,
        "hours_ago": 2,
        "body": """<p>The first lorries in almost seven weeks reached a besieged market town in the central Sahel on Tuesday, carrying grain, medicines and fuel for generators at the town’s only functioning health centre. The road had been effectively closed since a series of attacks on convoys, in which at least nine drivers were killed and dozens of vehicles burned, leaving residents and an estimated forty thousand displaced people dependent on sporadic airdrops.</p>
<p>Aid officials say the reopening followed weeks of indirect contacts with community leaders, religious figures and local authorities, who pressed armed groups operating in the area to allow civilian supplies through. Agencies insist that no payments were made and that no armed group was given control over the distribution of aid, both principles they say are essential if they are to keep working in areas where several rival factions are active.</p>
<blockquote><p>“We did not negotiate a ceasefire. We negotiated a road, for a few weeks, for food and medicine. That is all, and it could end tomorrow.”</p></blockquote>
<p>A senior humanitarian coordinator in the region was blunt about the limits of the arrangement. Convoys are travelling only in daylight, in groups, and are accompanied by community representatives rather than armed escorts, which aid agencies say would make them a target. Drivers are paid a risk premium, and several transport companies have refused to take part at any price after losing staff and vehicles earlier in the year.</p>
<p>The town has become a refuge for families displaced from surrounding villages, many of them after armed groups ordered residents to leave or pay levies on harvests and livestock. Health workers report rising rates of malnutrition among young children and outbreaks of diarrhoeal disease linked to overcrowding and contaminated water. The reopening has brought some relief, but stocks of therapeutic food are expected to run out within a month without further deliveries.</p>
<h2>Security strategy under scrutiny</h2>
<p>The siege has intensified debate over the region’s counter-terrorism strategy. Military operations have pushed armed groups out of some areas, but critics argue that they have done little to protect civilians on the roads that connect towns to markets and clinics. Diplomats say donors are increasingly pressing governments to prioritise the protection of supply routes and civilian movement, rather than measuring success solely by territory regained.</p>
<p>For now, aid agencies are trying to move as much as possible while the road remains open. Several organisations have pooled trucks and warehouses to speed up deliveries, and plans are under way to pre-position supplies before the rainy season, when parts of the route become impassable. Aid workers say the coming weeks will show whether the pause can be extended, or whether the town will once again be cut off.</p>""",
        "hero": {
            "alt": "Abstract illustration of a pale road-like diagonal crossing ochre and rust bands",
            "caption": "The first convoy in almost seven weeks reached the town on Tuesday.",
            "credit": "Illustration: Byline",
            "palette": ["#432818", "#99582a", "#ffe6a7"],
            "motif": "diagonal",
        },
    },
    {
        "slug": "coastal-radar-network-expands-eastern-seaboard",
        "title": "Coastal radar network expands as fishing fleets report suspicious night-time vessels",
        "standfirst": "A chain of new coastal radar stations is being switched on along the eastern seaboard, part of a push to track small boats after fishing cooperatives reported unlit vessels loitering near river mouths and island channels.",
        "section": "south-asia",
        "authors": ["rafiq-anwar", "priya-venkatraman"],
        "tags": [
            "Maritime security",
            "Critical infrastructure",
            "Border security",
            "Intelligence",
        ],
        "days_ago": 4,
        "hours_ago": 6,
        "body": """<p>The coastguard has begun operating the first four of a planned eleven radar stations along the eastern coast, filling gaps in surveillance that officials acknowledge have existed for more than a decade. The stations, mounted on steel masts near lighthouses and fishing harbours, are designed to pick up small wooden and fibreglass boats that do not carry the transponders required on larger commercial ships, and which have long moved through the delta’s channels largely unobserved.</p>
<p>The expansion follows months of complaints from fishing cooperatives, whose members say they have repeatedly encountered unlit boats at anchor near river mouths in the early hours. Some crews reported being warned off by men on board; others said they had seen goods being transferred between vessels. Coastguard officers believe at least some of the activity is linked to fuel smuggling, but they have not ruled out the movement of people or weapons.</p>
<blockquote><p>“The fishermen have been our eyes for years. The radar does not replace them. It means that when they call us, we can finally see what they are seeing.”</p></blockquote>
<p>The words came from a regional coastguard commander at a handover ceremony for one of the new stations, a modest concrete building with a generator, a backup battery bank and two operators per shift. Each station feeds a regional operations room, where analysts can combine the radar picture with reports from patrol boats, harbour masters and a new telephone line for crews who want to report suspicious activity without giving their names.</p>
<p>Officials describe the network as a modest, practical investment rather than a transformation. Each station costs a fraction of a patrol vessel, and the equipment is commercial rather than military. In briefing documents shared with fishing cooperatives, the coastguard set out what it expects the radars to deliver in the first year, while warning that results will depend on how quickly new staff can be recruited and trained:</p>
<ul><li>Continuous coverage of the main river mouths between dusk and dawn</li><li>Faster dispatch of patrol boats in response to reports from fishing crews</li><li>A searchable record of small-boat movements for investigators</li></ul>
<p>Not everyone is convinced that radar alone will change much. A retired naval officer who now advises fishing associations noted that the channels between the delta islands are narrow and crowded, and that a radar contact is only useful if a boat can reach it before it slips into a creek. Patrol vessels in the region are ageing, he said, and several spent much of last year waiting for spare parts.</p>
<p>There are also questions about who will have access to the data. Civil liberties groups have asked whether radar tracks will be shared with other agencies, and for how long they will be kept. The coastguard says the records will be held for ninety days unless they form part of an investigation, and that fishing crews will not be monitored individually. A parliamentary committee is expected to review the arrangements next year.</p>""",
        "related": [
            "baltic-inquiry-widens-second-cable-fault",
            "gulf-of-guinea-joint-patrols-boardings-decline",
        ],
        "hero": {
            "alt": "Abstract illustration of layered blue waves crossed by a thin sweeping line",
            "caption": "New radar stations cover river mouths along the eastern coast.",
            "credit": "Illustration: Byline",
            "palette": ["#0b2545", "#3e7cb1", "#f4a259"],
            "motif": "waves",
        },
    },
    {
        "slug": "election-officials-brace-for-disinformation",
        "title": "Election officials brace for coordinated disinformation ahead of regional vote",
        "standfirst": "A new task force bringing together electoral staff, cyber security agencies and platform representatives has begun monitoring networks of fake accounts ahead of regional elections, amid warnings that extremist groups are amplifying false claims about voting.",
        "section": "europe",
        "authors": ["imogen-varley"],
        "tags": ["Elections", "Cyber security", "Intelligence", "Extremism"],
        "days_ago": 5,
        "hours_ago": 9,
        "body": """<p>With six weeks until regional elections, officials have set up a task force to detect and respond to coordinated disinformation campaigns, after monitoring found networks of newly created accounts spreading false claims about polling dates, postal voting and the counting process. The unit brings together electoral administrators, the national cyber security agency, police and representatives of the largest social media platforms, who have agreed to meet weekly until the results are declared.</p>
<p>Officials say most of the false content identified so far is crude: doctored images of ballot papers, invented quotes from candidates and messages telling voters that they can vote by text. But some material is more sophisticated, including fake news sites designed to resemble regional newspapers and videos edited to suggest that election staff have been caught destroying ballots. Much of it, analysts say, appears designed to depress turnout rather than to promote a particular candidate.</p>
<blockquote><p>“We are not the arbiters of truth in politics. Our job is narrower: making sure people know when, where and how to vote, and that they can trust the count.”</p></blockquote>
<p>The head of the electoral commission’s communications team stressed that the task force would not police political opinion or fact-check campaign claims. Its focus, she said, was on false information about the voting process itself, which can be corrected quickly with official notices, and on identifying inauthentic behaviour, such as networks of accounts controlled by a single operator or posting in suspiciously synchronised bursts.</p>
<p>Researchers tracking extremist channels say far-right and conspiracy groups have played an important role in amplifying the false claims, repackaging them for their own audiences and adding allegations that the election is rigged. Some of the same channels have published the names and addresses of local election staff. Police say they have opened several investigations into threats against polling officials and have offered security advice to those affected.</p>
<p>Intelligence agencies have declined to say whether any of the activity is linked to foreign states, though officials have privately pointed to similarities with earlier campaigns attributed to state-backed groups. Attribution is slow and often contested, and officials say their priority in the coming weeks is speed: spotting misleading content early, publishing clear corrections and working with platforms to limit the reach of networks that break their rules.</p>
<p>The commission has also launched a public information campaign, with advertisements on radio, in newspapers and on social media, reminding voters of a few basic facts that are frequently misrepresented online. Election staff have been told to refer any suspicious approaches or messages to the task force rather than respond to them directly. The key messages that voters will see repeated throughout the campaign are:</p>
<ul><li>Votes cannot be cast by text message, email or social media</li><li>Polling stations open at seven in the morning and close at ten at night</li><li>Official results are published only by the electoral commission</li></ul>""",
        "hero": {
            "alt": "Abstract illustration of a grid of squares, some highlighted in red, resembling a ballot paper",
            "caption": "The task force will meet weekly until results are declared.",
            "credit": "Illustration: Byline",
            "palette": ["#22223b", "#4a4e69", "#c9184a"],
            "motif": "grid",
        },
    },
    {
        "slug": "analysis-cheap-drones-rewriting-insurgency",
        "title": "Analysis: How cheap drones are rewriting the rules of insurgency",
        "standfirst": "Commercial drones costing a few hundred dollars have handed armed groups capabilities once reserved for states. The response so far has been piecemeal, and the gap between attackers and defenders is likely to widen before it narrows.",
        "section": "analysis",
        "authors": ["marten-holloway"],
        "tags": ["Drones", "Counter-terrorism", "Extremism", "Critical infrastructure"],
        "days_ago": 6,
        "hours_ago": 5,
        "body": """<p>A decade ago, an armed group that wanted to watch a military base from the air, or to drop an explosive on a checkpoint, needed the backing of a state. Today it needs a few hundred dollars, an internet connection and someone with the patience to watch online tutorials. That shift, from scarce and expensive capability to cheap and widely available tools, is one of the most consequential changes in irregular warfare this century.</p>
<p>The pattern is now familiar across several conflicts. Groups begin by using commercial quadcopters for reconnaissance and propaganda footage. Within months, they adapt them to carry small munitions, often improvised from grenades or mortar bombs. Later come fixed-wing designs with longer range, and experiments with swarms or simple autonomy. Each step builds on knowledge shared between groups, sometimes directly and sometimes through the open internet.</p>
<blockquote><p>“The defender has to be right everywhere, every night. The drone operator only has to find the one gap in the fence.”</p></blockquote>
<p>That asymmetry, summarised by a former air defence officer now working as a consultant, lies at the heart of the problem. Counter-drone systems, from radio jammers to radar and interceptors, are improving rapidly, but they are expensive, and each protects only a limited area. Armies can defend a handful of high-value bases. Protecting every police post, power substation, pipeline and market town is a different matter entirely.</p>
<h2>Beyond the battlefield</h2>
<p>The implications extend well beyond active conflict zones. Prisons have become regular targets for drone smuggling, and security services in several countries have investigated plots involving drones and crowded public events. Critical infrastructure operators, from airports to power companies, are now assessing their exposure, often discovering that their sites were designed with ground-level threats in mind and that their legal powers to bring down an aircraft are unclear.</p>
<p>Regulation offers partial answers. Registration schemes, remote identification requirements and geofencing software, which stops consumer drones from flying over restricted sites, raise the bar for casual misuse. But they are easily circumvented by determined groups, which can modify firmware, build aircraft from components or simply buy older models. Export controls on specific parts, such as certain engines and navigation modules, may slow supply chains, but they will not stop them.</p>
<p>The most effective responses so far have combined technology with <em>old-fashioned</em> intelligence work: identifying the people who build and operate drones, the shops that sell components and the channels through which expertise is shared. That approach is slower and less visible than deploying jammers, but it targets the scarce resource in the system, which is not the aircraft but the skilled operator. Governments that neglect it may find themselves fighting an endless, expensive battle against hardware.</p>""",
        "related": [
            "drone-sightings-prompt-new-border-night-watch-rules",
            "insurers-tighten-terms-red-sea-shipping",
        ],
        "hero": {
            "alt": "Abstract illustration of sharp diagonal strokes against a dark blue field",
            "caption": "Counter-drone systems protect only a limited area.",
            "credit": "Illustration: Byline",
            "palette": ["#1d3557", "#457b9d", "#e63946"],
            "motif": "diagonal",
        },
    },
    {
        "slug": "camp-returnees-test-reintegration-programmes",
        "title": "Returnees from detention camps test strained reintegration programmes",
        "standfirst": "As governments quietly bring home women and children held for years in camps for families of suspected militants, social workers, prosecutors and schools are struggling to cope with cases that fit none of their existing systems.",
        "section": "middle-east",
        "authors": ["samira-nassif", "imogen-varley"],
        "tags": [
            "Refugees",
            "Radicalisation",
            "Extremism",
            "Counter-terrorism",
            "Diplomacy",
        ],
        "days_ago": 7,
        "hours_ago": 1,
        "body": """<p>The flight that landed before dawn carried eleven children and four women, the latest group to be repatriated from desert camps where families of suspected militants have been held for years. There were no cameras on the tarmac. Within hours the women had been taken for questioning by counter-terrorism police, while the children, the youngest of whom was three, were driven to a reception centre run by social services.</p>
<p>Several governments have accelerated repatriations over the past year, often with little public announcement, under pressure from courts, humanitarian agencies and the camp authorities themselves, who say they cannot guarantee security. Officials acknowledge that the camps have become a breeding ground for extremist networks, with older children exposed to indoctrination and enforcers punishing those who try to distance themselves from the group’s ideology.</p>
<blockquote><p>“Leaving them there is not a security policy. It is postponing a problem and making it larger every year we wait.”</p></blockquote>
<p>That assessment, offered by a European counter-terrorism prosecutor involved in several returns, is now widely shared among security officials, even if it remains politically contentious. Once home, adult women are typically investigated for membership of a terrorist organisation. Some have been convicted and imprisoned; others, where evidence from the conflict zone is thin, have been released under monitoring orders that restrict travel, internet use and contact with particular individuals.</p>
<p>For the children, the challenges are different. Social workers describe young people who have never attended a formal school, who speak several languages imperfectly and who have witnessed violence that few adults encounter. Many show signs of trauma. Foster carers and teachers receive specialist guidance, but caseworkers say the support is uneven and depends heavily on which local authority a family is placed with, and on how much funding it has available.</p>
<h3>A patchwork of approaches</h3>
<p>Across the countries now accepting returnees, approaches vary widely. Some separate children from their mothers on arrival, while others try to keep families together under supervision. Some prioritise prosecution, others rehabilitation. Researchers who have followed returnee cases say there is still little reliable data on what works, because numbers are small, cases are sensitive and governments are reluctant to publish anything that might identify individual children.</p>
<p>Diplomats say thousands of people remain in the camps, including many whose home governments have refused to take them back. Humanitarian agencies warn that conditions are deteriorating as funding falls. In the meantime, the returns continue in small, quiet batches, each one testing the capacity of local systems that were designed for neither the security risk nor the human complexity that the returnees bring with them.</p>""",
        "related": [
            "deradicalisation-pilot-pairs-former-militants-with-mentors",
            "analysis-decade-of-prison-deradicalisation",
        ],
        "hero": {
            "alt": "Abstract illustration of small circles clustered loosely on an olive and ochre field",
            "caption": "Repatriations are often carried out with little public announcement.",
            "credit": "Illustration: Byline",
            "palette": ["#283618", "#606c38", "#dda15e"],
            "motif": "circles",
        },
    },
    {
        "slug": "teenage-extremism-referrals-record-level",
        "title": "Police referrals of teenagers for online extremism reach record level",
        "standfirst": "Nearly half of all referrals to a national prevention programme last year involved people under eighteen, according to new figures, with police and teachers warning that young people are being drawn into extremist networks through gaming chats and video platforms.",
        "section": "europe",
        "authors": ["imogen-varley"],
        "tags": ["Radicalisation", "Extremism", "Policing", "Counter-terrorism"],
        "days_ago": 9,
        "hours_ago": 7,
        "body": """<p>Referrals of teenagers to a national programme designed to steer people away from violent extremism reached their highest level on record last year, according to figures published by the interior ministry. Of just over four thousand referrals, almost half involved people under the age of eighteen, and about one in ten concerned children aged fourteen or younger. Officials say the trend reflects both genuine growth in online radicalisation and greater awareness among teachers and parents.</p>
<p>Counter-terrorism police describe a changing picture. Where referrals were once dominated by a single ideology, officers now see a mix of far-right, Islamist and what one officer called “mixed or unclear” beliefs, in which young people borrow ideas and imagery from several movements at once, often combined with a fascination with mass violence. Many of the cases involve young people who have never met another extremist in person.</p>
<p>Investigators say much of the contact happens in spaces that parents rarely see: chat channels attached to online games, private groups on messaging apps and comment threads on video platforms. Recruiters tend to start with humour and memes before moving conversations to encrypted apps, where they share propaganda, instructions and, in a small number of cases, encouragement to carry out attacks. Some teenagers, officers say, go on to produce material themselves.</p>
<blockquote><p>“The average age of the people we arrest has been falling for five years. We are now interviewing children who are still doing their homework at the kitchen table.”</p></blockquote>
<p>The senior counter-terrorism officer who gave that warning at a briefing for journalists said arrests remained a last resort for under-eighteens. Most referrals are assessed by a multi-agency panel and, where concerns are confirmed, lead to voluntary support such as mentoring, counselling or help with education. Only a minority of cases are judged to require police action, and fewer still result in prosecution.</p>
<h2>Schools on the front line</h2>
<p>Teachers, who make about a third of all referrals, say they are being asked to do more with less support. Unions have called for clearer guidance on what should be reported, warning that some students are referred for comments that reflect ignorance or provocation rather than genuine risk. Muslim community organisations have long argued that the programme casts suspicion on young people because of their faith, a criticism the ministry rejects.</p>
<p>Researchers who study online extremism say the figures should prompt a broader conversation about how young people spend their time online. Platforms have improved their removal of explicit terrorist content, they note, but struggle with material that falls short of the legal threshold while still normalising violence. The ministry says it will publish updated guidance for parents and schools later this year, alongside new funding for specialist mentors.</p>""",
        "related": [
            "analysis-decade-of-prison-deradicalisation",
            "deradicalisation-pilot-pairs-former-militants-with-mentors",
        ],
        "hero": {
            "alt": "Abstract illustration of overlapping circles in muted purples, suggesting chat bubbles",
            "caption": "Nearly half of referrals involved people under eighteen.",
            "credit": "Illustration: Byline",
            "palette": ["#3c096c", "#7b2cbf", "#ffba08"],
            "motif": "circles",
        },
    },
    {
        "slug": "deradicalisation-pilot-pairs-former-militants-with-mentors",
        "title": "Deradicalisation pilot pairs former militants with vocational mentors in three districts",
        "standfirst": "A small government-funded programme is placing men released from prison after militancy convictions with carpenters, mechanics and tailors, betting that steady work and a trusted adult will do more than lectures to keep them from returning to armed groups.",
        "section": "south-asia",
        "authors": ["priya-venkatraman"],
        "tags": ["Radicalisation", "Extremism", "Counter-terrorism", "Policing"],
        "days_ago": 11,
        "hours_ago": 2,
        "body": """<p>In a workshop smelling of sawdust and varnish, a man in his late twenties measures a table leg twice before he cuts it. Two years ago he was serving a sentence for helping to store explosives for a militant cell. Today he is one of sixty-two participants in a pilot programme that pairs former prisoners with local tradespeople, who agree to train them, pay them a modest wage and report to probation officers every month.</p>
<p>The scheme, funded by the interior ministry and run by a consortium of local charities, began eighteen months ago in three districts that have produced a disproportionate share of recruits for armed groups. Its designers say earlier approaches relied too heavily on religious counselling delivered inside prisons, and too little on what happens after release, when men return to the same neighbourhoods, the same unemployment and, often, the same friends who drew them in.</p>
<blockquote><p>“Nobody leaves a group because of a good argument. They leave because they have somewhere else to be in the morning, and someone who notices when they don’t turn up.”</p></blockquote>
<p>That is how one of the programme’s coordinators, a former probation officer, explains its logic. Mentors are chosen from trades with steady local demand and are given short training in recognising warning signs, such as sudden absences, new associates or unexplained money. They are not expected to act as informants, she stressed, but they are asked to raise concerns with a caseworker, who decides whether the police need to be involved.</p>
<h2>Early results, cautious claims</h2>
<p>So far, four participants have been rearrested, one for a terrorism-related offence and three for unrelated crimes. The coordinators say that compares favourably with historic reoffending rates for similar prisoners, but they are careful not to overstate the case. The group is small, participants were screened before they were accepted, and eighteen months is a short time in which to judge whether someone has genuinely left an extremist network behind.</p>
<p>Police officers in the districts are divided. Some welcome a programme that gives them a point of contact in the community and a reason to see released prisoners as something other than suspects. Others worry that mentors could be pressured or intimidated, and that a single failure, such as a participant involved in an attack, would discredit the approach entirely and make politicians reluctant to fund anything similar again.</p>
<p>The ministry is due to decide next spring whether to extend the pilot to a further five districts. An independent evaluation, commissioned from a university research unit, is expected to be published before then. For the man in the workshop, the question is simpler. He wants to finish his apprenticeship, open a stall of his own and, he says, be known in his neighbourhood for the furniture he makes rather than for the years he spent in prison.</p>""",
        "related": ["analysis-decade-of-prison-deradicalisation"],
        "hero": {
            "alt": "Abstract illustration of warm vertical bars of differing heights, evoking planks in a workshop",
            "caption": "The pilot places released prisoners with local tradespeople.",
            "credit": "Illustration: Byline",
            "palette": ["#3d2c2e", "#a26769", "#ecd4b5"],
            "motif": "bars",
            "focal": (50, 85),
        },
    },
    {
        "slug": "mobile-money-checks-tightened-terror-financing",
        "title": "Regulators tighten mobile money checks over terror financing fears in East Africa",
        "standfirst": "Central banks and telecoms regulators are introducing stricter identity checks and transaction limits for mobile money accounts, after investigators found that armed groups were using networks of agents and borrowed SIM cards to move funds.",
        "section": "africa",
        "authors": ["adaeze-nwosu-hale"],
        "tags": ["Terror financing", "Cyber security", "Sanctions", "Policing"],
        "days_ago": 13,
        "hours_ago": 4,
        "body": """<p>Regulators in several East African countries are tightening rules on mobile money services after investigators found evidence that armed groups have used them to collect extortion payments, pay fighters and buy supplies. The measures, agreed at a regional meeting of central bank officials, include stronger identity checks when accounts are opened, lower daily limits for unverified users and new obligations on agents to report suspicious patterns of deposits and withdrawals.</p>
<p>Mobile money has transformed daily life across the region, allowing millions of people without bank accounts to receive wages, pay bills and send money to relatives using basic phones. That reach is precisely what makes it attractive to criminal and extremist networks. Investigators say armed groups have used dozens of accounts registered to third parties, often people paid a small fee for the use of their identity, to break large sums into transfers that avoid scrutiny.</p>
<blockquote><p>“We must be careful not to punish the farmer and the market trader for what a few criminals are doing. Financial inclusion and financial integrity are not opposites.”</p></blockquote>
<p>The central bank governor who spoke those words at the regional meeting acknowledged the tension at the heart of the new rules. Stricter identity checks could exclude people who lack formal documents, including refugees and rural residents, who are among the heaviest users of mobile money. Regulators say they will allow simplified accounts with lower limits for people who cannot provide full documentation, while applying closer scrutiny to accounts that move larger sums.</p>
<p>Police financial crime units say they have made progress in tracing funds through mobile networks, which, unlike cash, leave a digital trail. In one recent case, investigators linked more than two hundred accounts to a single extortion operation by analysing the timing and location of transactions. Operators have also improved their own monitoring, using software to flag unusual behaviour, such as a newly registered account suddenly receiving payments from many unrelated senders.</p>
<p>Cyber security researchers warn that tighter controls could push some activity towards less regulated channels, including cryptocurrency and informal transfer systems, which are harder to monitor. They also point to the risk of identity fraud, as criminals steal or buy personal data to register accounts. Several operators have reported a rise in SIM swap fraud, in which criminals persuade staff to transfer a victim’s phone number to a new card.</p>
<p>The measures are due to take effect over the next six months, with operators required to re-verify existing high-value accounts. Regional officials say they will also review how sanctions lists are screened by mobile money providers, some of which have struggled to match names written in different scripts or spellings. An evaluation of the rules’ impact on financial inclusion is planned for the end of next year.</p>""",
        "related": [
            "charity-front-donations-traced-to-armed-group",
            "analysis-why-sanctions-on-armed-groups-leak",
        ],
        "hero": {
            "alt": "Abstract illustration of vertical bars in green and charcoal, like a chart of transactions",
            "caption": "New rules include lower daily limits for unverified accounts.",
            "credit": "Illustration: Byline",
            "palette": ["#1b4332", "#40916c", "#ffd166"],
            "motif": "bars",
            "focal": (50, 85),
        },
    },
    {
        "slug": "charity-front-donations-traced-to-armed-group",
        "title": "Investigators trace donations through charity front to armed group’s weapons purchases",
        "standfirst": "Financial investigators in three countries say a registered charity collecting money for orphans diverted a large share of its donations through informal money transfer agents to an armed group, in a case that has prompted calls for tighter oversight.",
        "section": "middle-east",
        "authors": ["samira-nassif"],
        "tags": ["Terror financing", "Sanctions", "Intelligence", "Counter-terrorism"],
        "days_ago": 15,
        "hours_ago": 5,
        "body": """<p>A charity that raised money for orphans across the region diverted a significant share of its donations to an armed group over at least four years, according to financial investigators in three countries. The organisation, which has been closed and whose trustees are under investigation, collected funds through mosque collections, online appeals and a network of volunteers, before moving much of the money onward through informal transfer agents.</p>
<p>Investigators say the charity did spend some of its income on genuine relief, including food parcels and school fees, which helped it maintain credibility with donors and local authorities. But bank records and ledgers seized during raids suggest that between a quarter and a third of the money was routed to agents in border towns, where it was converted into cash and, according to one investigator, used to buy weapons, vehicles and fuel.</p>
<blockquote><p>“The donors were not the problem. Most of them gave in good faith to help children. The abuse was in what happened after the money left their hands.”</p></blockquote>
<p>The investigator, who spoke to Byline on condition that neither she nor her agency be named, said the case illustrated how hard it is to follow money once it enters informal transfer systems. These networks, which rely on trust between agents and settle debts through trade or periodic cash runs, are widely and legitimately used by migrant workers sending money home, and they leave few written records.</p>
<p>The case was pieced together largely through intelligence sharing between financial intelligence units, which pooled suspicious transaction reports filed by banks that had noticed large, round-figure transfers from the charity to individuals with no apparent link to its work. One bank had filed more than thirty such reports over two years before any action was taken, a delay that regulators are now examining.</p>
<h2>Pressure on regulators</h2>
<p>Legitimate humanitarian organisations fear the case will lead to blunt measures that make it harder for them to operate. Aid groups working in conflict areas already report that banks are closing their accounts or refusing transfers to high-risk countries, a practice known as <em>de-risking</em>. They argue that sweeping restrictions push money into less transparent channels, precisely the outcome that counter-terrorism financing rules are meant to prevent.</p>
<p>Officials say they are considering sanctions designations against several individuals linked to the charity, as well as stricter registration requirements for organisations that send money abroad. A regional working group on terror financing is expected to publish guidance early next year. For donors, investigators offer a simple recommendation: give to organisations that publish audited accounts and can explain in detail how money reaches the people it is intended to help.</p>""",
        "related": [
            "mobile-money-checks-tightened-terror-financing",
            "analysis-why-sanctions-on-armed-groups-leak",
        ],
        "hero": {
            "alt": "Abstract illustration of a fine grid with a single line of amber squares tracing a path across it",
            "caption": "Investigators followed the money through informal transfer agents.",
            "credit": "Illustration: Byline",
            "palette": ["#212529", "#495057", "#f4a261"],
            "motif": "grid",
        },
    },
    {
        "slug": "analysis-why-sanctions-on-armed-groups-leak",
        "title": "Analysis: Why sanctions on armed groups keep leaking",
        "standfirst": "Sanctions against militant organisations and their financiers are a mainstay of counter-terrorism policy. Yet enforcement depends on weak links, from shell companies to under-resourced regulators, and the targets have become skilled at finding them.",
        "section": "analysis",
        "authors": ["marten-holloway"],
        "tags": ["Sanctions", "Terror financing", "Diplomacy", "Intelligence"],
        "days_ago": 17,
        "hours_ago": 3,
        "body": """<p>When a government or international body adds an armed group’s financier to a sanctions list, the announcement tends to attract a brief flurry of attention and then disappear from view. What happens next matters far more. Banks must identify and freeze accounts, customs officials must spot goods moving to listed companies, and regulators must check that intermediaries are not simply carrying on business under a new name. At each step, there are gaps.</p>
<p>The first gap is identification. <a href="https://example.org/explainers/how-sanctions-lists-work">Sanctions lists</a> often contain incomplete information: a name with several possible spellings, a date of birth and perhaps a nationality. Financiers operating in several jurisdictions may use different documents, family members or business partners to hold assets. Banks with sophisticated screening systems can catch many of these, but smaller institutions, money service businesses and traders in high-value goods frequently lack the tools or the staff to do so.</p>
<blockquote><p>“A sanctions designation is a starting gun, not a finish line. Too often we celebrate the listing and forget the race.”</p></blockquote>
<p>The second gap, according to a former sanctions official who now teaches at a university, is corporate structure. Listed individuals can transfer assets to companies registered in jurisdictions with limited ownership disclosure before a designation takes effect, particularly if they receive advance warning. Even where registers of beneficial ownership exist, the information is often self-declared and rarely verified. Investigators describe chains of companies that take months to unravel, by which time the money has moved again.</p>
<p>A third problem is political. Sanctions regimes depend on cooperation between states that may hold very different views of a particular armed group. A designation adopted by one government may not be recognised by a neighbour that hosts the group’s representatives or trades with its business network. Diplomats say this fragmentation is getting worse, as geopolitical tensions make new multilateral designations harder to agree and existing ones harder to enforce.</p>
<p>Specialists in the field tend to agree on a short list of measures that would make the biggest difference, even if few governments have adopted all of them. The recommendations that recur most often in expert reports and parliamentary inquiries are set out below, in rough order of how much they would cost to implement, from the least expensive to the most:</p>
<ol><li>Public, verified registers of the beneficial owners of companies</li><li>Dedicated funding for regulators supervising money service businesses</li><li>Faster sharing of intelligence between financial units in different countries</li></ol>
<p>None of this means sanctions are pointless. Designations can cut groups off from mainstream banking, deter legitimate businesses from dealing with them and signal international disapproval. But their effect depends on sustained enforcement rather than headline announcements. Governments that want sanctions to work against armed groups will need to invest in the unglamorous machinery of financial supervision, and to accept that its results will be measured in years rather than news cycles.</p>""",
        "related": ["charity-front-donations-traced-to-armed-group"],
        "external_related": [
            {
                "title": "Glossary: the language of financial sanctions",
                "url": "https://example.com/glossary/financial-sanctions",
            },
        ],
        "hero": {
            "alt": "Abstract illustration of stacked horizontal bars with gaps between them, in slate and gold",
            "caption": "Enforcement depends on banks, customs officials and regulators.",
            "credit": "Illustration: Byline",
            "palette": ["#2b2d42", "#8d99ae", "#f2c14e"],
            "motif": "bars",
            "focal": (50, 85),
        },
    },
    {
        "slug": "gulf-of-guinea-joint-patrols-boardings-decline",
        "title": "Joint naval patrols credited with decline in Gulf of Guinea boardings",
        "standfirst": "Reported boardings of merchant ships in the Gulf of Guinea have fallen again, which regional officials attribute to shared patrols and information sharing, though fishermen and coastal communities say the threat has not disappeared.",
        "section": "africa",
        "authors": ["adaeze-nwosu-hale"],
        "tags": ["Maritime security", "Diplomacy", "Policing", "Border security"],
        "days_ago": 20,
        "hours_ago": 6,
        "body": """<p>Reported boardings of merchant ships in the Gulf of Guinea fell again last year, according to a regional maritime information centre, continuing a decline that officials attribute to joint naval patrols, improved information sharing between coastal states and better protective measures on board vessels. The centre recorded fewer incidents than in any year for more than a decade, with most of those that did occur taking place close to shore rather than far out at sea.</p>
<p>The patrols, organised under a regional maritime security framework, divide the gulf into zones in which neighbouring navies coordinate their operations and share intelligence on suspicious vessels. Officers say the ability to pursue suspects across maritime boundaries, with the agreement of neighbouring states, has removed one of the main advantages pirate gangs once enjoyed: the ability to escape into waters where a pursuing navy had no right to follow.</p>
<blockquote><p>“The sea does not respect borders, and for years the criminals understood that better than we did. Now, at least, our navies talk to each other before the pirates have gone home.”</p></blockquote>
<p>The comment, from a naval officer at one of the zonal coordination centres, captures a change that diplomats describe as one of the region’s more successful examples of security cooperation. Regular meetings between navies, coastguards and police, combined with shared reporting systems, have made it easier to track a vessel from one jurisdiction to the next and to ensure that suspects who are caught can actually be prosecuted.</p>
<p>Prosecution remains a weak point. Several countries have only recently passed laws that specifically criminalise piracy, and cases often collapse because evidence is not collected in a way that courts will accept. Regional programmes now train naval boarding teams in handling evidence and taking statements, and police and prosecutors are being brought into operations earlier, so that arrests at sea are more likely to lead to convictions.</p>
<p>Coastal communities give a more mixed assessment. Fishermen in several countries report continued robberies of their catches, engines and fuel, crimes that rarely make it into international statistics because they do not involve merchant ships. Local leaders say that young men with few job prospects remain vulnerable to recruitment by criminal gangs, and that without investment in fisheries and coastal economies, the decline in attacks may not last.</p>
<p>Officials acknowledge the point. A regional summit later this year is expected to discuss extending the patrol framework to cover illegal fishing and fuel theft, both of which are linked to the same criminal networks. Shipping industry groups, meanwhile, have urged governments not to scale back naval deployments too soon, warning that previous lulls in piracy were followed by sharp increases once patrols were reduced.</p>""",
        "hero": {
            "alt": "Abstract illustration of rolling teal waves beneath a horizon of thin orange lines",
            "caption": "Most recent incidents took place close to shore.",
            "credit": "Illustration: Byline",
            "palette": ["#003049", "#0a9396", "#f77f00"],
            "motif": "waves",
        },
    },
    {
        "slug": "election-security-plan-polling-stations",
        "title": "Election authorities unveil security plan for polling stations in volatile districts",
        "standfirst": "Tens of thousands of police and reserve personnel will be deployed for next month’s provincial elections, with drones monitoring crowds at sensitive polling stations and new rules on moving ballot boxes after last cycle’s attacks.",
        "section": "south-asia",
        "authors": ["rafiq-anwar"],
        "tags": ["Elections", "Policing", "Counter-terrorism", "Drones"],
        "days_ago": 23,
        "hours_ago": 1,
        "body": """<p>Election authorities have published a security plan for next month’s provincial polls that would place armed police at every polling station in districts classified as highly sensitive, and unarmed volunteers at most others. The plan, drawn up with the interior ministry, follows a previous election in which several polling stations were attacked and at least two ballot convoys were ambushed on rural roads after voting had closed.</p>
<p>Under the new arrangements, ballot boxes will no longer be moved at night in the most sensitive districts. Instead, they will be sealed and held under guard at designated counting centres until first light, a change officials say will delay some results by several hours but reduce the risk to staff. Polling officers will also receive a short course on what to do if a station comes under attack or a suspicious object is found.</p>
<blockquote><p>“A delayed result is an inconvenience. A convoy ambushed in the dark is a tragedy that damages trust in the vote for years. We would rather wait until morning.”</p></blockquote>
<p>The chief election commissioner made the remarks at a press conference in the provincial capital, where she also confirmed that police drones would be used to monitor crowds at about three hundred polling stations. The aircraft will not carry cameras capable of identifying individual voters, she said, and footage will be deleted within a week unless it is needed as evidence in a criminal investigation.</p>
<p>Opposition parties have broadly welcomed the additional security but raised concerns about how polling stations were classified. Several argue that some districts where they expect strong support have been labelled highly sensitive without clear justification, which they fear could discourage turnout. The commission says the classifications are based on police assessments of recent violence and will be reviewed weekly until polling day.</p>
<p>Militant groups active in the region have not issued explicit threats against the vote, according to security officials, but propaganda channels monitored by analysts have described the elections as illegitimate. Officials say the absence of direct threats offers little reassurance. In the previous cycle, they note, the most serious attacks came with no warning and targeted polling staff travelling home rather than voters queueing outside.</p>
<p>Civil society groups that train election observers say the plan is more detailed than anything published before and includes welcome provisions for female polling staff, who will be able to travel in groups and request escorts. They will be watching, they said, to see whether the plan is properly funded, and whether the extra police presence is managed in a way that reassures voters rather than intimidating them at the door.</p>""",
        "related": ["election-officials-brace-for-disinformation"],
        "hero": {
            "alt": "Abstract illustration of vertical bars in deep navy and red, like ballot boxes under a night sky",
            "caption": "Ballot boxes will be held at counting centres until first light.",
            "credit": "Illustration: Byline",
            "palette": ["#1a1a2e", "#0f3460", "#e94560"],
            "motif": "bars",
            "focal": (50, 85),
        },
    },
    {
        "slug": "analysis-decade-of-prison-deradicalisation",
        "title": "Analysis: What a decade of prison deradicalisation has taught us",
        "standfirst": "Programmes to rehabilitate people convicted of terrorism offences have multiplied over the past ten years. Evidence about what works remains thin, but some lessons are emerging about mentoring, family ties and life after release.",
        "section": "analysis",
        "authors": ["priya-venkatraman", "marten-holloway"],
        "tags": ["Radicalisation", "Extremism", "Policing", "Counter-terrorism"],
        "days_ago": 26,
        "hours_ago": 10,
        "body": """<p>Ten years ago, few prison systems had dedicated programmes for people convicted of terrorism offences. Today, most countries with significant numbers of such prisoners run some form of intervention, from religious counselling and psychological therapy to education and vocational training. Yet rigorous evidence about what these programmes achieve remains surprisingly scarce, partly because the numbers involved are small and partly because governments are reluctant to publish detailed outcomes.</p>
<p>What evidence exists points in a few consistent directions. Programmes that focus solely on challenging ideology tend to achieve less than those that also address practical needs, such as housing, employment and relationships. Researchers increasingly distinguish between <strong>deradicalisation</strong>, a change in beliefs, and <strong>disengagement</strong>, a change in behaviour. The second appears more achievable, and many practitioners now argue it is a more realistic goal for public policy.</p>
<blockquote><p>“People can walk away from violence long before they abandon every belief that took them there. If we insist on the second, we may miss the first.”</p></blockquote>
<p>So argues a psychologist who has worked with terrorism prisoners for more than fifteen years, and whose view is now widely shared. Mentoring relationships appear to matter, especially when mentors are credible to the prisoner, whether because of shared background, faith or experience. Family involvement can be powerful, though it can also cut both ways when relatives share the prisoner’s views or remain connected to extremist networks.</p>
<p>The period after release is often where programmes fall short. Offenders move from a structured environment, with regular contact with specialists, to a world of probation appointments, licence conditions and, often, unemployment and isolation. Several attacks by former terrorism prisoners in recent years have prompted reviews that found gaps in information sharing between prisons, probation services, police and intelligence agencies, as well as a lack of continuity in the people supervising offenders.</p>
<h2>The limits of risk assessment</h2>
<p>Risk assessment tools used to decide on release conditions have also come under scrutiny. Most were developed for general offenders and adapted for terrorism cases, and their predictive power is uncertain. Some prisoners learn to say what assessors want to hear. Practitioners say the best safeguard is not a single score but regular contact by people who know the individual well enough to notice changes in behaviour, mood or associations.</p>
<p>The lessons of the past decade are therefore modest but important. Programmes work best when they are long-term, practical and joined up across institutions, and when they treat prisoners as individuals rather than as representatives of an ideology. None can eliminate risk entirely. But the alternative, releasing people at the end of their sentences with no support at all, is one that most experts regard as considerably more dangerous for everyone involved.</p>""",
        "related": [
            "deradicalisation-pilot-pairs-former-militants-with-mentors",
            "teenage-extremism-referrals-record-level",
        ],
        "hero": {
            "alt": "Abstract illustration of a soft teal grid with a few squares picked out in gold",
            "caption": "Evidence about what works in rehabilitation remains thin.",
            "credit": "Illustration: Byline",
            "palette": ["#264653", "#2a9d8f", "#e9c46a"],
            "motif": "grid",
        },
    },
]

# What the demo's editors chose to lead with: the home page's lead, then its top
# stories in order (newer stories fill the rest); and a section's pinned lead.
FRONT_PAGE = [
    "coastal-radar-network-expands-eastern-seaboard",
    "baltic-inquiry-widens-second-cable-fault",
    "analysis-cheap-drones-rewriting-insurgency",
]
SECTION_LEADS = {"south-asia": "election-security-plan-polling-stations"}
