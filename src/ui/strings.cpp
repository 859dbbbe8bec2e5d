#include "strings.h"

#include <string>
#include "core/decimal.h"

namespace sandik::ui {

const char* str(Str id, Lang lang) {
  const bool tr = lang == Lang::Tr;
  switch (id) {
    case Str::Live:
      return tr ? "CANLI" : "LIVE";
    case Str::Final:
      return tr ? "KESİN" : "FINAL";
    case Str::Test:
      return tr ? "TEST" : "TEST";
    case Str::TestBanner:
      return tr ? "TEST VERİSİ — gerçek sonuç değildir" : "TEST DATA — not real results";
    case Str::BoxesOpened:
      return tr ? "Sandıkların {1} açıldı" : "{1} of ballot boxes counted";
    case Str::AsOf:
      return tr ? "{1} itibarıyla" : "as of {1}";
    case Str::Votes:
      return tr ? "oy" : "votes";
    case Str::VoteOne:
      return tr ? "oy" : "vote";
    case Str::OthersN:
      return tr ? "Diğer ({1})" : "Others ({1})";
    case Str::AheadBy:
      return tr ? "{1} {2} oy önde ({3} puan)" : "{1} leads by {2} votes ({3} points)";
    case Str::CalledTrailing:
      return tr ? "{2} kazandı ({1} ilanı); sayımda {3} önde" : "{2} won (called by {1}); {3} leads the count";
    case Str::AheadByOne:
      return tr ? "{1} {2} oy önde ({3} puan)" : "{1} leads by {2} vote ({3} points)";
    case Str::LeadsShares:
      return tr ? "{1} önde" : "{1} leads";
    case Str::Tied:
      return tr ? "Eşitlik" : "Tied";
    case Str::NoResults:
      return tr ? "Henüz sonuç yok" : "No results yet";
    case Str::Leading:
      return tr ? "Önde" : "Leading";
    case Str::Won:
      return tr ? "Kazandı" : "Won";
    case Str::Carried:
      return tr ? "Birinci" : "Carried";
    case Str::CarriedWord:
      return tr ? "birinci oldu" : "carried it";
    case Str::NoFiguresHere:
      return tr ? "{1} bu bölge için sonuç vermiyor" : "{1} gives no figures for this area";
    case Str::NoRowFigures:
      return tr ? "{1} bu yarış için {2} sonucu vermiyor." : "{1} gives no figures by {2} for this race.";
    case Str::NotComparable:
      return tr ? "Sayımlar farklı aşamada: fark gösterilmiyor."
                : "The counts are at different stages: no difference shown.";
    case Str::MoreRows:
      return tr ? "İlk {1} satır burada; {2} satır daha var." : "The first {1} rows are here; {2} more rows follow.";
    case Str::MoreRowsSearch:
      return tr ? "İlk {1} satır burada; {2} satır daha var: aradığınız yeri arama kutusuyla bulun."
                : "The first {1} rows are here; {2} more: find a place with the search box.";
    case Str::UnknownOption:
      return tr ? "{1} bu sonuç verisinde yok." : "{1} is not in this results feed.";
    case Str::NotAllowed:
      return tr ? "bu sayfa bu sonuç kaynağını göstermiyor" : "this page does not show this results feed";
    case Str::Unofficial:
      return tr ? "Resmî olmayan sonuçlar" : "Unofficial results";
    case Str::MarginKey:
      return tr ? "Birinci, ikinci: oy oranı. Fark: birinci ile ikinci arasında, yüzde puan."
                : "1st, 2nd: share of the vote. Margin: leader over runner-up, in percentage points.";
    case Str::NoMatch:
      return tr ? "“{1}” ile eşleşen yer yok." : "Nothing matches “{1}”.";
    case Str::NoSeats:
      return tr ? "{1}: sandalye dağılımı yok." : "{1}: no seats to share out.";
    case Str::NoFiguresCell:
      return tr ? "sonuç yok" : "no figures";
    case Str::LeadsWord:
      return tr ? "önde" : "leads";
    case Str::WonWord:
      return tr ? "kazandı" : "won";
    case Str::ShowAll:
      return tr ? "tümü" : "show all";
    case Str::ShowFewer:
      return tr ? "daha az" : "show fewer";
    case Str::Source:
      return tr ? "Kaynak" : "Source";
    case Str::Candidate:
      return tr ? "Aday" : "Candidate";
    case Str::Party:
      return tr ? "Parti" : "Party";
    case Str::Share:
      return tr ? "Oy oranı" : "Share";
    case Str::Count_:
      return tr ? "Oy" : "Votes";
    case Str::ColArea:
      return tr ? "Bölge" : "Area";
    case Str::ColDistrict:
      return tr ? "İlçe" : "District";
    case Str::ColNeighbourhood:
      return tr ? "Mahalle" : "Neighbourhood";
    case Str::ColBox:
      return tr ? "Sandık" : "Ballot box";
    case Str::ColLeader:
      return tr ? "Önde" : "Leading";
    case Str::ColLeaderShare:
      return tr ? "Birinci" : "1st";
    case Str::ColRunnerUp:
      return tr ? "İkinci" : "2nd";
    case Str::ColMargin:
      return tr ? "Fark" : "Margin";
    case Str::ColReporting:
      return tr ? "Açılan" : "Counted";
    case Str::ColTurnout:
      return tr ? "Katılım" : "Turnout";
    case Str::ColSwing:
      return tr ? "Değişim" : "Swing";
    case Str::ColPrevious:
      return tr ? "Önceki" : "Previous";
    case Str::ColTime:
      return tr ? "Saat" : "Time";
    case Str::PointsN:
      return tr ? "{1} puan" : "{1} points";
    case Str::Flipped:
      return tr ? "el değiştirdi" : "changed hands";
    case Str::Rows:
      return tr ? "{1} satır" : "{1} rows";
    case Str::RowsOne:
      return tr ? "1 satır" : "1 row";
    case Str::SortedBy:
      return tr ? "sıralama: {1}" : "sorted by {1}";
    case Str::Descending:
      return tr ? " (azalan)" : " (descending)";
    case Str::TabSummary:
      return tr ? "Özet" : "Summary";
    case Str::TabTable:
      return tr ? "İlçeler" : "Districts";
    case Str::TabSources:
      return tr ? "Kaynaklar" : "Sources";
    case Str::TabFlips:
      return tr ? "El değiştiren" : "Changed hands";
    case Str::TabTimeline:
      return tr ? "Gece boyunca" : "Through the night";
    case Str::TabSeats:
      return tr ? "Sandalyeler" : "Seats";
    case Str::TimelineTitle:
      return tr ? "Oy oranları gece boyunca" : "Shares through the night";
    case Str::TimelineEmpty:
      return tr ? "Henüz zaman çizelgesi yok." : "No timeline yet.";
    case Str::Moments:
      return tr ? "{1} an, {2} – {3}." : "{1} moments, {2} – {3}.";
    case Str::SourcesTitle:
      return tr ? "Ajanslar yan yana" : "The sources side by side";
    case Str::FlipsTitle:
      return tr ? "El değiştiren ilçeler" : "Districts that changed hands";
    case Str::FlipsCount:
      return tr ? "{1}: {2} yer el değiştirdi." : "{1}: {2} areas changed hands.";
    case Str::FlipsCountOne:
      return tr ? "{1}: 1 yer el değiştirdi." : "{1}: 1 area changed hands.";
    case Str::NoFlips:
      return tr ? "El değiştiren yer yok." : "No area changed hands.";
    case Str::NoPrevious:
      return tr ? "Önceki seçimin sonuçları bu veride yok." : "This feed has no previous results.";
    case Str::Difference:
      return tr ? "Fark" : "Difference";
    case Str::SeatsWord:
      return tr ? "sandalye" : "seats";
    case Str::SeatsHeading:
      return tr ? "Sandalye" : "Seats";
    case Str::MajorityFor:
      return tr ? "Çoğunluk için {1} sandalye." : "Majority: {1} seats.";
    case Str::MajorityShort:
      return tr ? "çoğunluk {1}" : "majority {1}";
    case Str::Months:
      return tr ? "Oca Şub Mar Nis May Haz Tem Ağu Eyl Eki Kas Ara" : "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec";
    case Str::DayMonthClock:
      return tr ? "{1} {2} {3}" : "{2} {1}, {3}";
    case Str::DayMonthYearClock:
      return tr ? "{1} {2} {3} {4}" : "{2} {1}, {3}, {4}";
    case Str::Loading:
      return tr ? "Sonuçlar yükleniyor…" : "Loading results…";
    case Str::NoRace:
      return tr ? "Bu seçim için henüz sonuç yok." : "No results for this race yet.";
    case Str::CanvasLabel:
      return tr ? "Sonuç grafiği: ok tuşlarıyla gezinin, Enter ile açın; aynı sonuçlar metin ve tablo olarak da var."
                : "Results chart: arrow keys move, Enter opens; the same results follow as text and tables.";
    case Str::SearchPlaceholder:
      return tr ? "İlçe ara…" : "Find a district…";
    case Str::NoWebGL:
      return tr ? "Grafik gösterilemiyor; sonuçlar tablo olarak."
                : "The chart cannot be shown here; the results as a table.";
    case Str::NewLeader:
      return tr ? "Yeni lider: {1}." : "New leader: {1}.";
    case Str::LeadingColon:
      return tr ? "; önde: {1}." : "; leading: {1}.";
    case Str::TooLarge:
      return tr ? "veri çok büyük ({1} B)" : "the feed is too large ({1} B)";
    case Str::Unreadable:
      return tr ? "Sonuç verisi okunamadı: {1}" : "The results feed could not be read: {1}";
    case Str::NoAnswer:
      return tr ? "{1} sn içinde yanıt gelmedi" : "no answer within {1} s";
    case Str::UpdateFailed:
      return tr ? "Sonuçlar güncellenemedi ({1}); son sonuçlar gösteriliyor."
                : "Results could not be updated ({1}); showing the last ones.";
    case Str::LoadFailed:
      return tr ? "Sonuçlar yüklenemedi ({1})." : "The results could not be loaded ({1}).";
    case Str::NoConnection:
      return tr ? "sunucuya ulaşılamadı" : "the server could not be reached";
    case Str::JustNow:
      return tr ? "az önce" : "just now";
    case Str::MinutesAgo:
      return tr ? "{1} dk önce" : "{1} min ago";
    case Str::HoursAgo:
      return tr ? "{1} saat önce" : "{1} h ago";
    case Str::OnDate:
      return tr ? "{1}" : "on {1}";
    case Str::LastUpdated:
      return tr ? "Son güncelleme {1}" : "Last updated {1}";
    case Str::LastUpdatedStale:
      return tr ? "Son güncelleme {1} — sonuçlar değişmiyor olabilir."
                : "Last updated {1} — results may not be current.";
    case Str::ScoreMetropolitan:
      return tr ? "Büyükşehir belediye başkanlıkları" : "Metropolitan mayors";
    case Str::ScoreProvince:
      return tr ? "İl belediye başkanlıkları" : "Province mayors";
    case Str::ScoreDistrict:
      return tr ? "İlçe belediye başkanlıkları" : "District mayors";
    case Str::ScoreBelde:
      return tr ? "Belde belediye başkanlıkları" : "Town mayors";
    case Str::ScoreOf:
      return tr ? "{1} başkanlık" : "{1} mayoralties";
    case Str::ScoreTied:
      return tr ? "{1} yerde oylar eşit" : "Tied in {1}";
    case Str::ScoreLine:
      return tr ? "{1}: {2} kazandı, {3} önde ({4}: {5})" : "{1}: won {2}, leading {3} ({4}: {5})";
    case Str::ScoreTitle:
      return tr ? "Kazanılan belediye başkanlıkları" : "Mayoralties won";
    case Str::ColProvince:
      return tr ? "İl" : "Province";
    case Str::Mayors:
      return tr ? "Belediye başkanları" : "Mayors";
    case Str::TabMap:
      return tr ? "Harita" : "Map";
    case Str::MapCaption:
      return tr ? "Harita — {1}, {2}" : "Map — {1}, {2}";
    case Str::MapShade:
      return tr ? "Renk önde olanın; renk ne kadar canlıysa fark o kadar büyük (puan):"
                : "Colour: who leads; the more vivid, the wider the margin (points):";
    case Str::MapPartial:
      return tr ? "Çizgili: sayım sürüyor" : "Striped: still counting";
    case Str::MapUncounted:
      return tr ? "Gri: henüz sonuç yok" : "Grey: no results yet";
    case Str::MapFlippedKey:
      return tr ? "Kalın çerçeve: {1} sonucuna göre el değiştirdi" : "Thick outline: changed hands since {1}";
    case Str::MapLeadsList:
      return tr ? "Önde olduğu yer sayısı: {1}." : "Areas led: {1}.";
    case Str::MapMissing:
      return tr ? "Haritada yok: {1}." : "Not on the map: {1}.";
    case Str::MapNone:
      return tr ? "{1} için harita yok; sonuçlar tabloda." : "No map of {1}; the results are in the table.";
    case Str::MapCloser:
      return tr ? "Yakından" : "Closer";
    case Str::MapTapAgain:
      return tr ? "Ayrıntılar için yine dokunun" : "Tap again for details";
    case Str::MapCredit:
      return tr ? "Harita: {1} ({2})" : "Map: {1} ({2})";
    case Str::CliBoxes:
      return tr ? "açılan sandık {1} / {2} ({3})" : "ballot boxes {1} of {2} ({3})";
    case Str::CliTurnout:
      return tr ? "katılım {1}" : "turnout {1}";
  }
  return "";
}

std::string say(Str id, Lang lang, std::initializer_list<std::string> args) {
  const std::string pattern = str(id, lang);
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '1' &&
        pattern[i + 1] <= '9') {
      const std::size_t k = static_cast<std::size_t>(pattern[i + 1] - '1');
      if (k < args.size()) out += *(args.begin() + k);
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

namespace {
// The suffix "-i" (accusative/possessive 3rd person) after a number read aloud in Turkish.
const char* possessive_suffix(double pct, int decimals) {
  // Read the last spoken word: the decimal part if shown and non-zero, else the integer part.
  std::string s = decimal::fixed(pct, decimals);
  std::string last;
  const std::size_t dot = s.find('.');
  std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  const std::string spoken = frac.empty() ? s.substr(0, dot) : frac;
  long long n = 0;  // its last nine digits are all the suffix depends on
  for (std::size_t i = spoken.size() > 9 ? spoken.size() - 9 : 0; i < spoken.size(); ++i)
    n = n * 10 + (spoken[i] - '0');
  // Suffix by the last non-zero group as spoken: units, else tens, else hundreds/thousands.
  if (n == 0) return "ı";  // sıfır -> sıfırı
  if (n % 10 != 0) {
    switch (n % 10) {
      case 1:
        return "i";  // bir -> biri
      case 2:
        return "si";  // iki -> ikisi
      case 3:
        return "ü";  // üç -> üçü
      case 4:
        return "ü";  // dört -> dördü
      case 5:
        return "i";  // beş -> beşi
      case 6:
        return "sı";  // altı -> altısı
      case 7:
        return "si";  // yedi -> yedisi
      case 8:
        return "i";  // sekiz -> sekizi
      case 9:
        return "u";  // dokuz -> dokuzu
    }
  }
  if (n % 100 != 0) {
    switch ((n / 10) % 10) {
      case 1:
        return "u";  // on -> onu
      case 2:
        return "si";  // yirmi -> yirmisi
      case 3:
        return "u";  // otuz -> otuzu
      case 4:
        return "ı";  // kırk -> kırkı
      case 5:
        return "si";  // elli -> ellisi
      case 6:
        return "ı";  // altmış -> altmışı
      case 7:
        return "i";  // yetmiş -> yetmişi
      case 8:
        return "i";  // seksen -> sekseni
      case 9:
        return "ı";  // doksan -> doksanı
    }
  }
  return n % 1000 != 0 ? "ü" : "i";  // yüz -> yüzü, bin -> bini
}
}  // namespace

std::string percent_with_suffix(double pct, Lang lang, int decimals) {
  std::string p = format_percent(pct, lang, decimals);
  if (lang == Lang::Tr) p += std::string("'") + possessive_suffix(pct, decimals);
  return p;
}

std::string boxes_opened_sentence(double pct, Lang lang, int decimals) {
  return say(Str::BoxesOpened, lang, {percent_with_suffix(pct, lang, decimals)});
}

}  // namespace sandik::ui
