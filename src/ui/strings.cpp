#include "strings.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace sandik::ui {

const char* str(Str id, Lang lang) {
  const bool tr = lang == Lang::Tr;
  switch (id) {
    case Str::Live: return tr ? "CANLI" : "LIVE";
    case Str::Final: return tr ? "KESİN" : "FINAL";
    case Str::Test: return tr ? "TEST" : "TEST";
    case Str::TestBanner: return tr ? "TEST VERİSİ — gerçek sonuç değildir" : "TEST DATA — not real results";
    case Str::BoxesOpened: return tr ? "Sandıkların %s açıldı" : "%s of ballot boxes counted";
    case Str::AsOf: return tr ? "%s itibarıyla" : "as of %s";
    case Str::Votes: return tr ? "oy" : "votes";
    case Str::Others: return tr ? "Diğer" : "Others";
    case Str::AheadBy: return tr ? "%s %s oy önde (%s puan)" : "%s leads by %s votes (%s points)";
    case Str::Tied: return tr ? "Eşitlik" : "Tied";
    case Str::NoResults: return tr ? "Henüz sonuç yok" : "No results yet";
    case Str::Leading: return tr ? "Önde" : "Leading";
    case Str::Won: return tr ? "Kazandı" : "Won";
    case Str::Source: return tr ? "Kaynak" : "Source";
    case Str::Turnout: return tr ? "Katılım" : "Turnout";
    case Str::Candidate: return tr ? "Aday" : "Candidate";
    case Str::Party: return tr ? "Parti" : "Party";
    case Str::Share: return tr ? "Oy oranı" : "Share";
    case Str::Count_: return tr ? "Oy" : "Votes";
    case Str::TabSummary: return tr ? "Özet" : "Summary";
    case Str::TabTable: return tr ? "İlçeler" : "Districts";
    case Str::TabSources: return tr ? "Kaynaklar" : "Sources";
    case Str::TabFlips: return tr ? "El değiştiren" : "Changed hands";
    case Str::TabTimeline: return tr ? "Gece boyunca" : "Through the night";
    case Str::ColArea: return tr ? "Bölge" : "Area";
    case Str::ColDistrict: return tr ? "İlçe" : "District";
    case Str::ColNeighbourhood: return tr ? "Mahalle" : "Neighbourhood";
    case Str::ColBox: return tr ? "Sandık" : "Ballot box";
    case Str::ColLeader: return tr ? "Önde" : "Leading";
    case Str::ColLeaderShare: return tr ? "Oy" : "Share";
    case Str::ColRunnerUp: return tr ? "İkinci" : "Runner-up";
    case Str::ColMargin: return tr ? "Fark" : "Margin";
    case Str::ColReporting: return tr ? "Sandık" : "Counted";
    case Str::ColTurnout: return tr ? "Katılım" : "Turnout";
    case Str::ColSwing: return tr ? "Değişim" : "Swing";
    case Str::ColPrevious: return tr ? "Önceki" : "Previous";
    case Str::Points: return tr ? "puan" : "points";
    case Str::Flipped: return tr ? "el değiştirdi" : "changed hands";
    case Str::NoFlips: return tr ? "El değiştiren yer yok." : "No area changed hands.";
    case Str::NoPrevious: return tr ? "Önceki seçimin sonuçları bu veride yok." : "This feed has no previous results.";
    case Str::Sources: return tr ? "Kaynaklar" : "Sources";
    case Str::Difference: return tr ? "Fark" : "Difference";
    case Str::BoxesShort: return tr ? "açılan sandık" : "counted";
    case Str::AsOfShort: return tr ? "saat" : "at";
    case Str::TabSeats: return tr ? "Sandalyeler" : "Seats";
    case Str::TimelineTitle: return tr ? "Oy oranları gece boyunca" : "Shares through the night";
    case Str::TimelineEmpty: return tr ? "Henüz zaman çizelgesi yok." : "No timeline yet.";
    case Str::SourcesTitle: return tr ? "Ajanslar yan yana" : "The sources side by side";
    case Str::FlipsTitle: return tr ? "El değiştiren ilçeler" : "Districts that changed hands";
    case Str::ShowAll: return tr ? "tümü" : "show all";
    case Str::ShowFewer: return tr ? "daha az" : "show fewer";
    case Str::Updated: return tr ? "Güncelleme" : "Updated";
    case Str::Held: return tr ? "korudu" : "held";
  }
  return "";
}

namespace {
// The suffix "-i" (accusative/possessive 3rd person) after a number read aloud in Turkish.
const char* possessive_suffix(double pct, int decimals) {
  // Read the last spoken word: the decimal part if shown and non-zero, else the integer part.
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, pct);
  std::string s = buf;
  std::string last;
  const std::size_t dot = s.find('.');
  std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  long long n = std::stoll(frac.empty() ? s.substr(0, dot) : frac);
  // Suffix by the last non-zero group as spoken: units, else tens, else hundreds/thousands.
  if (n == 0) return "ı";  // sıfır -> sıfırı
  if (n % 10 != 0) {
    switch (n % 10) {
      case 1: return "i";    // bir -> biri
      case 2: return "si";   // iki -> ikisi
      case 3: return "ü";    // üç -> üçü
      case 4: return "ü";    // dört -> dördü
      case 5: return "i";    // beş -> beşi
      case 6: return "sı";   // altı -> altısı
      case 7: return "si";   // yedi -> yedisi
      case 8: return "i";    // sekiz -> sekizi
      case 9: return "u";    // dokuz -> dokuzu
    }
  }
  if (n % 100 != 0) {
    switch ((n / 10) % 10) {
      case 1: return "u";    // on -> onu
      case 2: return "si";   // yirmi -> yirmisi
      case 3: return "u";    // otuz -> otuzu
      case 4: return "ı";    // kırk -> kırkı
      case 5: return "si";   // elli -> ellisi
      case 6: return "ı";    // altmış -> altmışı
      case 7: return "i";    // yetmiş -> yetmişi
      case 8: return "i";    // seksen -> sekseni
      case 9: return "ı";    // doksan -> doksanı
    }
  }
  return n % 1000 != 0 ? "ü" : "i";  // yüz -> yüzü, bin -> bini
}
}  // namespace

std::string boxes_opened_sentence(double pct, Lang lang) {
  char buf[96];
  std::string p = format_percent(pct, lang);
  if (lang == Lang::Tr) p += std::string("'") + possessive_suffix(pct, 2);
  std::snprintf(buf, sizeof buf, str(Str::BoxesOpened, lang), p.c_str());
  return buf;
}

}  // namespace sandik::ui
