package corpusgen

// All template text below was written for this generator. Slots in braces
// are filled per article (see slots in story.go). Each fact has several
// paraphrases per language so that the articles of one story say the same
// thing in different words, as independent outlets do.
//
// The sentences are written so that crosscheck's frames can pair them: each
// fact sentence names its event (a trigger such as "earthquake", "rapat") and
// an attribute word ("killed", "flew", "bertemu") near the figure. Sentences
// that merely colour the article carry no figures at all, so any conflict the
// tool reports outside the injected ones is a false positive of the tool.

// fact is one checkable statement of a story kind.
type fact struct {
	key  string // the value it states ("killed", "mag", "edate"); "" = not injectable
	attr string // crosscheck's attribute for it
	en   []string
	id   []string
}

// kind is a story type: its facts, headlines and padding.
type kind struct {
	name     string
	facts    []fact // every article states each of these; facts[0] opens the article
	extras   []fact // optional facts, each stated by some articles
	headEN   []string
	headID   []string
	topicEN  []string
	topicID  []string
	bgEN     []string // background sentences without figures
	bgID     []string
	wrongEN  string // a full date with its weekday, for the weekday-mismatch injection
	wrongID  string
	trapEN   []string // traps: compatible restatements (qualifiers, rounding)
	trapID   []string
	prevEN   string // a previous occurrence of the event, outside the story's window
	prevID   string
	hasToll  bool   // the story has a death toll that can grow (update trap)
	dateAttr string // attribute of the event date, "" when none is injectable
}

var kinds = []*kind{quake, flood, meeting, summit, election, missile, deal}

var quake = &kind{
	name: "quake", hasToll: true, dateAttr: "disaster.date",
	facts: []fact{
		{key: "mag", attr: "disaster.magnitude",
			en: []string{
				"A magnitude {mag} earthquake struck {place} in {region} province on {emd}, shaking buildings as far away as {city}.",
				"An earthquake of magnitude {mag} hit the {region} district of {place} on {ewd}, {emd}, sending residents running into the streets.",
				"The magnitude {mag} quake that rocked {place} on {edm} was the strongest to hit {region} in a generation, seismologists said.",
				"{place} was struck by a magnitude {mag} earthquake on {emdy}, and tremors were felt across much of {region}.",
			},
			id: []string{
				"Gempa magnitudo {mag} mengguncang {place}, {region}, pada {ewd}, {edmy}, dan getarannya terasa hingga {city}.",
				"Gempa berkekuatan magnitudo {mag} melanda wilayah {place} pada {edmy} dan membuat warga berhamburan keluar rumah.",
				"Gempa dengan magnitudo {mag} terjadi di {place}, {region}, pada {edm} dan merusak puluhan bangunan.",
			}},
		{key: "killed", attr: "casualties.killed",
			en: []string{
				"{killed} people were killed and {injured} people were injured, according to {p1}, {r1}.",
				"The quake killed {killed} people and left {injured} people injured, {p1} told reporters.",
				"Officials confirmed that {killed} people died in the disaster, while {injured} people were treated for injuries.",
				"The death toll stood at {killed} people on {nwd}, with {injured} people injured.",
			},
			id: []string{
				"Sebanyak {killed} orang tewas dan {injured} orang luka-luka akibat gempa tersebut, kata {p1}.",
				"{p1} mengatakan {killed} warga meninggal dunia dan {injured} orang lainnya terluka.",
				"Korban meninggal dunia akibat gempa itu tercatat {killed} orang, sementara {injured} orang mengalami luka-luka.",
			}},
		{key: "edate", attr: "disaster.date",
			en: []string{
				"The earthquake struck at dawn on {emd}, when most families were still asleep.",
				"The quake hit on {edm} shortly before the morning rush.",
				"Residents said the earthquake struck without warning on {emdy}.",
			},
			id: []string{
				"Gempa terjadi pada {edmy} dini hari saat sebagian besar warga masih tertidur.",
				"Menurut warga, gempa mengguncang tanpa peringatan pada {edm}.",
			}},
	},
	extras: []fact{
		{key: "depth", attr: "disaster.depth",
			en: []string{"The quake struck at a depth of {depth} km, according to the seismological agency.", "Seismologists said the tremor was centred {depth} kilometres deep beneath {place}."},
			id: []string{"Pusat gempa berada di kedalaman {depth} km di bawah {place}.", "Gempa tersebut berpusat pada kedalaman {depth} kilometer."}},
		{key: "displaced", attr: "casualties.displaced",
			en: []string{"{displaced} people were evacuated from their homes after the quake.", "The earthquake displaced {displaced} people across the district."},
			id: []string{"Sebanyak {displaced} warga terpaksa mengungsi setelah gempa.", "Gempa itu membuat {displaced} orang mengungsi ke tenda darurat."}},
	},
	headEN:  []string{"Deadly earthquake rocks {place} in {region}", "Strong quake hits {region}, buildings collapse in {place}", "Earthquake leaves trail of destruction in {place}", "Rescuers search rubble after {place} earthquake"},
	headID:  []string{"Gempa Guncang {place}, Warga Panik Berhamburan", "Gempa Kuat Landa {region}, Bangunan di {place} Rusak", "Tim SAR Cari Korban Gempa {place}", "Gempa {place}: Korban Terus Bertambah"},
	topicEN: []string{"the rescue operation", "the reconstruction of damaged homes", "the distribution of emergency aid", "the inspection of schools and hospitals", "the search for survivors"},
	topicID: []string{"operasi penyelamatan", "pembangunan kembali rumah yang rusak", "penyaluran bantuan darurat", "pemeriksaan sekolah dan rumah sakit", "pencarian korban selamat"},
	bgEN: []string{
		"{region} lies on a belt of active faults where tectonic plates grind against each other.",
		"Many houses in {place} are built of brick and timber without steel reinforcement.",
		"Heavy machinery was brought in from {city} to clear collapsed roads.",
		"Aftershocks continued to rattle the area, keeping many residents outdoors overnight.",
		"Hospitals in {city} set up tents in their car parks to treat the injured.",
	},
	bgID: []string{
		"Wilayah {region} berada di jalur sesar aktif yang rawan guncangan.",
		"Banyak rumah di {place} dibangun dari bata tanpa tulangan besi.",
		"Alat berat didatangkan dari {city} untuk membuka akses jalan yang tertimbun.",
		"Guncangan susulan masih terasa sehingga banyak warga memilih bertahan di luar rumah.",
		"Rumah sakit di {city} mendirikan tenda darurat di halaman untuk merawat para korban.",
	},
	wrongEN: "The earthquake struck {xwd}, {emdy}, local officials recalled.",
	wrongID: "Gempa itu terjadi pada {xwd}, {edmy}, menurut catatan petugas.",
	trapEN:  []string{"At least {killedLo} people were killed, rescuers said as they searched the ruins.", "Roughly {displacedR} people were evacuated, the district chief said."},
	trapID:  []string{"Sedikitnya {killedLo} orang tewas dalam bencana tersebut.", "Sekitar {displacedR} warga mengungsi akibat gempa."},
	prevEN:  "The last earthquake of this strength to hit {region}, in {prevyear}, flattened several villages.",
	prevID:  "Gempa sekuat ini terakhir melanda {region} pada tahun {prevyear} dan meratakan sejumlah desa.",
}

var flood = &kind{
	name: "flood", hasToll: true, dateAttr: "disaster.date",
	facts: []fact{
		{key: "edate", attr: "disaster.date",
			en: []string{
				"Flash floods swept through {place} in {region} on {emd} after days of torrential rain.",
				"Floods inundated large parts of {place} on {ewd}, {emd}, cutting off roads to {city}.",
				"Heavy flooding hit {place} and nearby villages in {region} on {edm}.",
			},
			id: []string{
				"Banjir bandang melanda {place}, {region}, pada {edmy} setelah hujan deras mengguyur sejak pagi.",
				"Banjir yang terjadi pada {ewd}, {edmy} itu merendam sebagian besar wilayah {place}.",
				"Banjir besar menerjang {place} dan desa-desa sekitarnya pada {edm}.",
			}},
		{key: "killed", attr: "casualties.killed",
			en: []string{
				"{killed} people were killed in the floods, {p1}, {r1}, said.",
				"The floods killed {killed} people, officials said, as rescuers waded through the water.",
				"Rescuers said {killed} people died after the river burst its banks.",
			},
			id: []string{
				"Sebanyak {killed} orang meninggal dunia akibat banjir tersebut, kata {p1}.",
				"{killed} orang tewas dalam banjir itu, menurut {p1}.",
				"Korban tewas akibat banjir tercatat {killed} orang.",
			}},
		{key: "displaced", attr: "casualties.displaced",
			en: []string{
				"{displaced} residents were evacuated to schools and mosques on higher ground.",
				"The flooding displaced {displaced} people, the regional government said.",
				"Authorities said {displaced} people had been evacuated from the worst-hit areas.",
			},
			id: []string{
				"Sebanyak {displaced} warga terpaksa mengungsi ke tempat yang lebih tinggi.",
				"Banjir membuat {displaced} orang mengungsi ke sekolah dan masjid.",
				"Pemerintah daerah mencatat {displaced} warga dievakuasi dari kawasan terdampak.",
			}},
	},
	headEN:  []string{"Floods kill dozens in {place}", "Flash floods swamp {region} villages", "{place} residents flee rising waters", "Torrential rain brings deadly floods to {region}"},
	headID:  []string{"Banjir Bandang Terjang {place}", "Ribuan Warga {region} Mengungsi karena Banjir", "Banjir Rendam {place}, Warga Mengungsi", "Hujan Deras Picu Banjir di {region}"},
	topicEN: []string{"the clean-up", "the supply of clean water", "the repair of river embankments", "aid for farmers who lost their crops", "the reopening of schools"},
	topicID: []string{"pembersihan lumpur", "penyediaan air bersih", "perbaikan tanggul sungai", "bantuan bagi petani yang gagal panen", "pembukaan kembali sekolah"},
	bgEN: []string{
		"The river that runs through {place} has burst its banks several times in recent decades.",
		"Environmental groups blame deforestation upstream for the severity of the flooding.",
		"Boats were used to reach families stranded on rooftops.",
		"Mud and debris covered the main market of {place} once the water receded.",
	},
	bgID: []string{
		"Sungai yang melintasi {place} sudah berkali-kali meluap dalam beberapa dekade terakhir.",
		"Kelompok lingkungan menyebut penggundulan hutan di hulu memperparah banjir.",
		"Perahu karet dikerahkan untuk menjangkau keluarga yang terjebak di atap rumah.",
		"Lumpur dan sampah menutupi pasar utama {place} setelah air surut.",
	},
	wrongEN: "The floods hit {place} on {xwd}, {emdy}, residents recalled.",
	wrongID: "Banjir itu terjadi pada {xwd}, {edmy}, menurut warga.",
	trapEN:  []string{"At least {killedLo} people were killed, according to early reports.", "About {displacedR} people were evacuated, aid groups said."},
	trapID:  []string{"Sedikitnya {killedLo} orang tewas akibat banjir.", "Sekitar {displacedR} warga mengungsi, kata relawan."},
	prevEN:  "A similar flood hit {region} in {prevyear}.",
	prevID:  "Banjir serupa pernah melanda {region} pada tahun {prevyear}.",
}

var meeting = &kind{
	name: "meeting",
	facts: []fact{
		{key: "days", attr: "meeting.duration",
			en: []string{
				"The {daysw}-day meeting of the {org} Party's central committee concluded on {nmd}, the party said.",
				"Party officials gathered in {city} for a {daysw}-day plenary session that ended on {nwd}.",
				"The plenary meeting, which lasted {days} days, wrapped up on {nmd} in {city}.",
			},
			id: []string{
				"Rapat pleno Partai {org} yang berlangsung selama {days} hari itu ditutup pada {ndm}.",
				"Rapat selama {days} hari itu digelar di {city} dan berakhir pada {nwd}.",
				"Pertemuan {days} hari tersebut usai pada {ndmy} di {city}.",
			}},
		{key: "delegates", attr: "meeting.participants",
			en: []string{
				"{delegates} delegates attended the meeting, according to the party.",
				"The session brought together {delegates} delegates from every province.",
				"A total of {delegates} participants took part in the plenary.",
			},
			id: []string{
				"Sebanyak {delegates} peserta menghadiri rapat tersebut.",
				"Rapat itu dihadiri {delegates} delegasi dari seluruh daerah.",
				"Tercatat {delegates} peserta mengikuti rapat pleno itu.",
			}},
	},
	extras: []fact{
		{attr: "meeting.date",
			en: []string{"The meeting was held from {span}.", "The plenary session was held in {city} from {emd} to {nmd}."},
			id: []string{"Rapat digelar dari tanggal {span}.", "Rapat pleno itu diadakan mulai {edm} hingga {ndm}."}},
	},
	headEN:  []string{"{org} Party ends plenary with call for discipline", "{org} Party leaders set course at plenary", "Party plenary in {city} closes with new line-up", "{org} Party meeting wraps up amid reshuffle talk"},
	headID:  []string{"Rapat Pleno Partai {org} Berakhir", "Partai {org} Tetapkan Arah Baru dalam Rapat Pleno", "Rapat Partai {org} di {city} Ditutup", "Pleno Partai {org} Bahas Pergantian Pengurus"},
	topicEN: []string{"the party's economic programme", "the reshuffle of the leadership", "the anti-corruption campaign", "the party's strategy for the provinces"},
	topicID: []string{"program ekonomi partai", "perombakan kepengurusan", "kampanye antikorupsi", "strategi partai di daerah"},
	bgEN: []string{
		"The {org} Party has governed {region} for most of the past decade.",
		"Party leaders traditionally use the plenary to announce personnel changes.",
		"State television broadcast long excerpts of the closing speech.",
		"Critics say the party has grown more centralised under its current leadership.",
	},
	bgID: []string{
		"Partai {org} telah memerintah {region} hampir sepanjang dekade terakhir.",
		"Pimpinan partai biasanya memanfaatkan rapat pleno untuk mengumumkan pergantian pengurus.",
		"Televisi pemerintah menayangkan cuplikan panjang pidato penutupan.",
		"Para pengkritik menilai partai itu makin terpusat di bawah kepemimpinan saat ini.",
	},
	wrongEN: "The meeting opened on {xwd}, {emdy}, in {city}.",
	wrongID: "Rapat itu dibuka pada {xwd}, {edmy}, di {city}.",
	trapEN:  []string{"Some {delegatesR} delegates attended, according to state media."},
	trapID:  []string{"Sekitar {delegatesR} peserta hadir dalam rapat tersebut."},
	prevEN:  "The party's previous plenary meeting was held in {prevyear}.",
	prevID:  "Rapat pleno partai sebelumnya digelar pada tahun {prevyear}.",
}

var summit = &kind{
	name: "summit", dateAttr: "summit.date",
	facts: []fact{
		{key: "edate", attr: "summit.date",
			en: []string{
				"Leaders of {c1} and {c2} met at a summit in {city} on {emd}.",
				"The summit between {c1} and {c2} was held in {city} on {ewd}, {emd}.",
				"{c1} hosted leaders from {c2} at the summit in {city} on {edm}.",
			},
			id: []string{
				"Pemimpin {c1} dan {c2} bertemu dalam KTT di {city} pada {edmy}.",
				"KTT antara {c1} dan {c2} berlangsung di {city} pada {ewd}, {edmy}.",
				"KTT {c1} dan {c2} digelar di {city} pada {edm}.",
			}},
		{key: "pyear", attr: "pact.signed",
			en: []string{
				"{c1} and {c2} signed the {pact} agreement in {pyear}.",
				"The {pact} treaty, signed by {c1} and {c2} in {pyear}, was discussed at length.",
				"Relations between {c1} and {c2} rest on the {pact} pact they signed in {pyear}.",
			},
			id: []string{
				"{c1} dan {c2} menandatangani perjanjian {pact} pada tahun {pyear}.",
				"Perjanjian {pact} yang diteken {c1} dan {c2} pada {pyear} ikut dibahas dalam pertemuan itu.",
				"Hubungan {c1} dan {c2} bertumpu pada pakta {pact} yang ditandatangani pada tahun {pyear}.",
			}},
	},
	headEN:  []string{"Leaders meet in {city} for high-stakes summit", "{city} summit ends with pledges on trade", "Summit in {city} puts {pact} treaty back in focus", "Talks in {city} aim to ease tensions"},
	headID:  []string{"KTT di {city} Berakhir dengan Janji Kerja Sama", "Pemimpin Dua Negara Bertemu di {city}", "Perjanjian {pact} Kembali Dibahas di {city}", "Pertemuan di {city} Diharapkan Redakan Ketegangan"},
	topicEN: []string{"trade and investment", "the security situation in the region", "cooperation on energy", "visa rules for students"},
	topicID: []string{"perdagangan dan investasi", "situasi keamanan di kawasan", "kerja sama energi", "aturan visa bagi pelajar"},
	bgEN: []string{
		"Diplomats had spent weeks preparing the joint statement.",
		"Security in {city} was tight, with several streets closed to traffic.",
		"Business leaders travelled with both delegations.",
		"The two governments have clashed over fishing rights in recent years.",
	},
	bgID: []string{
		"Para diplomat menghabiskan waktu berminggu-minggu untuk menyiapkan pernyataan bersama.",
		"Pengamanan di {city} diperketat dan sejumlah ruas jalan ditutup.",
		"Sejumlah pengusaha ikut dalam rombongan kedua negara.",
		"Kedua pemerintah sempat berselisih soal hak penangkapan ikan.",
	},
	wrongEN: "The summit opened {xwd}, {emdy}, in {city}.",
	wrongID: "KTT itu dibuka pada {xwd}, {edmy}, di {city}.",
	prevEN:  "The previous summit between the two countries took place in {prevyear}.",
	prevID:  "KTT sebelumnya antara kedua negara berlangsung pada tahun {prevyear}.",
}

var election = &kind{
	name: "election", dateAttr: "election.date",
	facts: []fact{
		{key: "share", attr: "election.vote-share",
			en: []string{
				"{cand} won the {region} governor election with {share}% of the vote.",
				"{cand} secured {share} percent of the vote in the governor election, according to the official count.",
				"In the election for governor of {region}, {cand} won {share}% of the vote, comfortably ahead of {cand2}.",
			},
			id: []string{
				"{cand} memenangi pemilihan gubernur {region} dengan perolehan {share} persen suara.",
				"Berdasarkan hasil rekapitulasi, {cand} meraih {share}% suara dalam pilkada tersebut.",
				"Dalam pilkada {region}, {cand} meraih {share} persen suara dan mengungguli {cand2}.",
			}},
		{key: "turnout", attr: "election.turnout",
			en: []string{
				"Turnout in the election was {turnout}%, the election commission said.",
				"Voter turnout in the vote stood at {turnout} percent.",
			},
			id: []string{
				"Tingkat partisipasi pemilih dalam pilkada tersebut tercatat {turnout} persen.",
				"Tingkat partisipasi dalam pemilihan itu sebesar {turnout}%.",
			}},
		{key: "edate", attr: "election.date",
			en: []string{
				"The election was held on {emd}.",
				"Voters went to the polls on {ewd}, {emd}.",
				"The vote took place on {edm} under heavy security.",
			},
			id: []string{
				"Pemungutan suara digelar pada {edmy}.",
				"Pilkada berlangsung pada {ewd}, {edmy}.",
			}},
	},
	headEN:  []string{"{cand} wins {region} governor race", "Landslide for {cand} in {region}", "{region} elects {cand} as governor", "{cand} claims victory in {region}"},
	headID:  []string{"{cand} Menangi Pilkada {region}", "{cand} Unggul dalam Pemilihan Gubernur {region}", "Hasil Rekapitulasi: {cand} Menang di {region}", "{cand} Resmi Jadi Gubernur {region}"},
	topicEN: []string{"the counting of the ballots", "the complaints filed by the losing camp", "the new governor's first hundred days", "the handling of the campaign"},
	topicID: []string{"penghitungan surat suara", "gugatan dari kubu yang kalah", "seratus hari pertama gubernur baru", "jalannya kampanye"},
	bgEN: []string{
		"{cand} campaigned on promises to improve roads and clinics.",
		"{cand2} conceded defeat in a short speech to supporters.",
		"Observers described the campaign as largely peaceful.",
		"Long queues formed outside polling stations in {city}.",
	},
	bgID: []string{
		"{cand} berkampanye dengan janji memperbaiki jalan dan puskesmas.",
		"{cand2} mengakui kekalahan dalam pidato singkat di hadapan pendukungnya.",
		"Para pemantau menilai kampanye berlangsung relatif damai.",
		"Antrean panjang terlihat di sejumlah tempat pemungutan suara di {city}.",
	},
	wrongEN: "Voters cast their ballots {xwd}, {emdy}.",
	wrongID: "Pilkada itu digelar pada {xwd}, {edmy}.",
	prevEN:  "The previous governor election in {region} was held in {prevyear}.",
	prevID:  "Pilkada {region} sebelumnya digelar pada tahun {prevyear}.",
}

var missile = &kind{
	name: "missile", dateAttr: "missile-test.date",
	facts: []fact{
		{key: "range", attr: "missile-test.range",
			en: []string{
				"The missile flew {range} km before falling into the sea, the military said.",
				"The ballistic missile travelled {range} kilometres, according to {p1}, {r1}.",
				"Officials said the missile flew {range} km on a high trajectory.",
			},
			id: []string{
				"Rudal tersebut terbang sejauh {range} km sebelum jatuh ke laut.",
				"Menurut {p1}, rudal itu menempuh jarak {range} kilometer.",
				"Rudal itu terbang {range} km dengan lintasan tinggi.",
			}},
		{key: "edate", attr: "missile-test.date",
			en: []string{
				"{c1} fired the missile on {emd} from a site near {place}.",
				"The missile was launched from near {place} on {ewd}, {emd}.",
				"{c1} launched the missile on {edm} from the coast near {place}.",
			},
			id: []string{
				"Rudal itu ditembakkan dari dekat {place} pada {edmy}.",
				"{c1} meluncurkan rudal tersebut dari pesisir {place} pada {ewd}, {edmy}.",
			}},
	},
	extras: []fact{
		{key: "ntests", attr: "missile-test.count",
			en: []string{"{c1} has fired {ntests} missiles in the past twelve months.", "The launch brings to {ntests} the number of missile tests conducted by {c1} since {syear}."},
			id: []string{"{c1} telah menembakkan {ntests} rudal sejak {syear}.", "Peluncuran ini menambah jumlah uji coba rudal {c1} menjadi {ntests} kali sejak {syear}."}},
	},
	headEN:  []string{"{c1} test-fires missile near {place}", "Missile launch from {place} raises alarm", "{c1} fires ballistic missile into the sea", "Neighbours condemn missile test by {c1}"},
	headID:  []string{"{c1} Luncurkan Rudal dari {place}", "Uji Coba Rudal {c1} Picu Kecaman", "Rudal Balistik {c1} Jatuh ke Laut", "Negara Tetangga Kecam Peluncuran Rudal {c1}"},
	topicEN: []string{"the security of shipping lanes", "the resumption of talks", "the response of neighbouring governments", "the sanctions regime"},
	topicID: []string{"keamanan jalur pelayaran", "dimulainya kembali perundingan", "tanggapan negara-negara tetangga", "rezim sanksi"},
	bgEN: []string{
		"Neighbouring governments condemned the launch as a provocation.",
		"Analysts said the test appeared designed to show off new engine technology.",
		"Ships in the area were warned to stay clear of the splashdown zone.",
		"Satellite images had shown activity at the site near {place} for weeks.",
	},
	bgID: []string{
		"Negara-negara tetangga mengecam peluncuran itu sebagai provokasi.",
		"Para analis menilai uji coba itu dirancang untuk memamerkan teknologi mesin baru.",
		"Kapal-kapal di sekitar lokasi diminta menjauhi zona jatuhnya rudal.",
		"Citra satelit menunjukkan aktivitas di lokasi dekat {place} selama berminggu-minggu.",
	},
	wrongEN: "The missile was launched on {xwd}, {emdy}.",
	wrongID: "Rudal itu diluncurkan pada {xwd}, {edmy}.",
	trapEN:  []string{"Military officials said the missile flew about {rangeR} km."},
	trapID:  []string{"Rudal itu terbang sekitar {rangeR} km, kata pejabat militer."},
	prevEN:  "A similar missile was last launched from {place} in {prevyear}.",
	prevID:  "Rudal serupa terakhir diluncurkan dari {place} pada tahun {prevyear}.",
}

var deal = &kind{
	name: "deal",
	facts: []fact{
		{key: "value", attr: "acquisition.value",
			en: []string{
				"{A} agreed to buy {B} for ${value} billion, the companies said.",
				"The acquisition of {B} by {A} is worth ${value} billion.",
				"{B} will be acquired by {A} in a deal valued at ${value} billion.",
			},
			id: []string{
				"Akuisisi {B} oleh {A} bernilai US${value} miliar.",
				"{A} mengumumkan akuisisi {B} dengan nilai transaksi senilai US${value} miliar.",
			}},
		{key: "stake", attr: "acquisition.share",
			en: []string{
				"{A} will own {aStake}% stake in {B} under the deal.",
				"The deal gives {A} {aStake} percent stake in the combined business.",
			},
			id: []string{
				"Melalui akuisisi tersebut, {A} akan memiliki {stake} persen saham {B}.",
				"Dengan akuisisi itu, kepemilikan saham {A} di {B} menjadi {stake}%.",
			}},
	},
	headEN:  []string{"{A} to buy {B} in major deal", "{A} strikes deal for {B}", "{B} agrees to takeover by {A}", "Investors cheer {A} move on {B}"},
	headID:  []string{"{A} Akuisisi {B}", "{A} Resmi Caplok {B}", "{B} Diakuisisi {A}", "Investor Sambut Akuisisi {B} oleh {A}"},
	topicEN: []string{"the integration of the two companies", "the approval of regulators", "the future of the workforce", "the company's expansion abroad"},
	topicID: []string{"integrasi kedua perusahaan", "persetujuan regulator", "nasib para karyawan", "ekspansi perusahaan ke luar negeri"},
	bgEN: []string{
		"Shares of {B} jumped in early trading in {city}.",
		"{A} has been looking for ways to expand beyond its home market.",
		"Bankers said the talks had been under way for months.",
		"Unions asked for guarantees that jobs would be protected.",
	},
	bgID: []string{
		"Saham {B} melonjak pada awal perdagangan di {city}.",
		"{A} tengah mencari cara untuk berekspansi di luar pasar dalam negeri.",
		"Kalangan bankir menyebut pembicaraan sudah berlangsung berbulan-bulan.",
		"Serikat pekerja meminta jaminan bahwa tidak ada pemutusan hubungan kerja.",
	},
	prevEN: "{A} last made a large acquisition in {prevyear}.",
	prevID: "{A} terakhir melakukan akuisisi besar pada tahun {prevyear}.",
}

// Padding: a subject, a predicate about the story's topic and a tail,
// combined freely, so that few 5-word runs repeat between two articles.
var (
	subjEN = []string{"{p2}, {r2},", "Residents of {place}", "Local officials", "Analysts in {city}", "Community leaders", "Several aid groups", "Opposition figures", "Observers", "{p3}", "Volunteers from {region}", "Religious leaders in {place}", "Business owners in {city}"}
	predEN = []string{"said they expected {topic} to take time", "told {site} that {topic} in {place} was far from over", "met {p2} to discuss {topic}", "said {topic} would shape the coming months in {region}",
		"argued that {topic} deserved more money", "insisted {topic} had been planned with {city} in mind", "complained that nobody in {city} had explained {topic}", "promised to keep residents of {place} informed about {topic}",
		"pointed to {topic} as a lesson for {region}", "called {topic} a turning point for {place}", "said people in {place} were watching {topic} closely", "suggested {topic} could be handled better by {city}", "warned that {topic} could face delays", "called for more transparency about {topic}", "described {topic} as a test for the authorities", "urged patience as {topic} continued", "questioned whether {topic} had been handled well", "welcomed progress on {topic}", "noted that {topic} had drawn wide attention", "expressed concern over {topic}", "stressed that {topic} remained the priority", "asked for clearer information on {topic}", "praised the people involved in {topic}"}
	advEN      = []string{"", "", "", "", "also ", "again ", "publicly ", "privately ", "repeatedly ", "firmly ", "quietly ", "cautiously ", "openly ", "once more ", "separately "}
	tailEN     = []string{"", "", " in the coming days", " outside the town hall in {place}", ", according to people close to {p3}", " at a gathering in {region}", " while visiting families in {place}", " as crowds gathered in {city}", ", adding that more information would follow", " during a briefing in {city}", ", speaking on condition of anonymity", " in remarks broadcast on local television", " in a post on social media", " after touring {place}", " in an interview with {site}"}
	quoteEN    = []string{"We are doing everything we can for the families", "The situation is still very difficult for many people here", "Nobody expected it to happen like this", "We need answers, and we need them quickly", "This is a moment for unity, not for blame", "I have never seen anything like it in my life", "We will keep working until the job is done", "The people of {place} deserve better", "It is too early to draw conclusions", "Our priority is to keep everyone safe"}
	quoteFmtEN = []string{"\"{q},\" {p0} said.", "“{q},” said {p0}, {r0}.", "\"{q},\" {p2} told {site}.", "{p0} said: \"{q}.\""}

	subjID = []string{"{p2}, {r2},", "Warga {place}", "Pejabat setempat", "Sejumlah pengamat di {city}", "Tokoh masyarakat", "Beberapa lembaga bantuan", "Kalangan oposisi", "Para relawan dari {region}", "{p3}", "Pemuka agama di {place}", "Para pedagang di {city}"}
	predID = []string{"menyebut {topic} masih membutuhkan waktu", "mengatakan kepada {site} bahwa {topic} di {place} belum selesai", "menemui {p2} untuk membahas {topic}", "menyebut {topic} akan menentukan arah {region}",
		"berpendapat {topic} perlu anggaran lebih besar", "menilai {topic} sudah dirancang dengan memperhitungkan {city}", "mengeluhkan tidak ada penjelasan di {city} soal {topic}", "berjanji terus memberi kabar kepada warga {place} soal {topic}",
		"menyebut {topic} sebagai pelajaran bagi {region}", "menganggap {topic} titik balik bagi {place}", "mengatakan warga {place} terus memantau {topic}", "menilai {topic} bisa ditangani lebih baik oleh {city}", "mengingatkan bahwa {topic} bisa tertunda", "meminta pemerintah lebih terbuka soal {topic}", "menilai {topic} sebagai ujian bagi pemerintah", "mengimbau masyarakat bersabar selama {topic} berjalan", "mempertanyakan penanganan {topic}", "menyambut baik kemajuan {topic}", "menyampaikan keprihatinan atas {topic}", "menegaskan bahwa {topic} tetap menjadi prioritas", "meminta kejelasan informasi mengenai {topic}"}
	advID      = []string{"", "", "", "", "juga ", "kembali ", "secara terbuka ", "secara tegas ", "berulang kali ", "dengan hati-hati ", "sekali lagi "}
	tailID     = []string{"", "", " dalam waktu dekat", " di depan balai kota {place}", ", menurut orang dekat {p3}", " dalam pertemuan di {region}", " saat mengunjungi warga {place}", " di tengah kerumunan warga {city}", ", seraya menambahkan informasi lebih lanjut akan disampaikan", " saat ditemui di {city}", " kepada wartawan", " melalui keterangan tertulis", " setelah meninjau {place}", " dalam wawancara dengan {site}"}
	quoteID    = []string{"Kami melakukan segala upaya untuk membantu keluarga korban", "Situasinya masih sangat sulit bagi banyak orang di sini", "Tidak ada yang menyangka kejadiannya seperti ini", "Kami butuh jawaban secepatnya", "Ini saatnya bersatu, bukan saling menyalahkan", "Seumur hidup saya belum pernah melihat yang seperti ini", "Kami akan terus bekerja sampai tuntas", "Masyarakat {place} berhak mendapat yang lebih baik", "Terlalu dini untuk menarik kesimpulan", "Prioritas kami adalah keselamatan semua orang"}
	quoteFmtID = []string{"\"{q},\" kata {p0}.", "“{q},” ujar {p0}, {r0}.", "\"{q},\" tutur {p2} kepada {site}.", "{p0} menyatakan, \"{q}.\""}
)

// Topics tied to the story's own places, so that padding carries the
// story's names as real reporting does.
var (
	localTopicEN = []string{"the situation in {place}", "the response of the {region} administration", "what {p2} called the hardest week in {place}", "the mood in {city}", "the questions raised by {p3}"}
	localTopicID = []string{"situasi di {place}", "tanggapan pemerintah {region}", "apa yang disebut {p2} sebagai pekan terberat di {place}", "suasana di {city}", "pertanyaan yang diajukan {p3}"}
)
