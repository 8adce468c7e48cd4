"""Fixture texts, written for these tests (they restate reported figures in our own words)."""

EN = (
    "The chairman of Russia's Investigative Committee told a legal forum that roughly 10,000 men "
    "who had recently been given Russian passports were already in the war zone, most of them "
    "digging defences well behind the line."
)
EN_2 = (
    "British defence intelligence put average Russian losses at about 1,200 killed or wounded "
    "a day during the spring, a figure Moscow did not comment on."
)
RU = (
    "Глава Следственного комитета заявил на юридическом форуме, что примерно 10 000 мужчин, "
    "недавно получивших российский паспорт, уже находятся в зоне боевых действий и в основном "
    "строят укрепления в тылу."
)
RU_2 = (
    "По подсчётам независимых журналистов, за год контракт с армией подписали около 400 000 "
    "человек; в министерстве эту цифру не подтвердили."
)
HEADER = "Title: Passports and the front\nPublished: 2024-06-27\nLanguage: en\nURL: https://example.org/a\n\n"
