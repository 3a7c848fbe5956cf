package io.nhslistener.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkDomainsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "see https://www.bbc.co.uk/news/health|NULL|bbc.co.uk co.uk",
      "HTTP://News.BBC.co.uk.|NULL|news.bbc.co.uk bbc.co.uk co.uk",
      "www.leedsth.nhs.uk/wards and http://localhost/x|NULL|leedsth.nhs.uk nhs.uk",
      "no links at all, just bbc.co.uk|NULL|''",
      "shortlink https://t.co/abc|https://mastodon.social/@x/1|mastodon.social t.co",
      "wwwhat is this|NULL|''",
  })
  void domainsOfLinksAndTheMentionUrl(String text, String url, String expected) {
    assertEquals(expected, LinkDomains.of(text, url));
  }
}
