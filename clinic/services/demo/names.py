"""Name pools: invented combinations of common given names and surnames, in their own scripts.

Pairs and triples give the native spelling with its passport romanisation (and, for Cyrillic,
a common alternative spelling), so clients can be searched by the Latin forms that get typed into forms.
"""

from __future__ import annotations

ES_SURNAMES = (
    "García", "Hernández", "López", "Martínez", "Rodríguez", "Pérez", "Sánchez", "Ramírez",
    "Cruz", "Flores", "Gómez", "Díaz", "Reyes", "Morales", "Jiménez", "Álvarez", "Castillo",
    "Mejía", "Orellana", "Guzmán", "Zelaya", "Méndez", "Ramos", "Vásquez", "Núñez", "Peña",
    "Aguilar", "Chávez", "Escobar", "Argueta", "Ortiz", "Domínguez", "Muñoz", "Velásquez",
    "Quiñónez", "Bonilla", "Matamoros", "Castañeda",
)  # fmt: skip
ES_MALE = (
    "José Luis", "Juan Carlos", "Luis Ángel", "Jesús", "Óscar", "Héctor", "Andrés", "Wilmer",
    "Kevin Josué", "Erick", "Nelson", "Selvin", "Darwin", "Jonathan", "Yeison", "Ramón",
    "Efraín", "Luis Alejandro", "Yorman", "Jhonny", "Mauricio", "Edwin Josué", "Germán",
)  # fmt: skip
ES_FEMALE = (
    "María José", "Ana Lucía", "Dayana", "Yesenia", "Sofía", "Gabriela", "Leticia", "Glenda",
    "Karla Patricia", "Rosa Elena", "Ingrid", "Mariela", "Marisol", "Jazmín", "Ángela",
    "Génesis", "Yusmary", "Daniela Alejandra", "Oriana", "Xiomara", "Lourdes", "Belén",
)  # fmt: skip
MAYA_SURNAMES = (
    "Tzoc", "Xoy", "Ixcoy", "Tum", "Batz", "Cux", "Sic", "Coj", "Chumil", "Ajanel", "Bámaca",
    "Tojín", "Ordóñez", "Xicará",
)  # fmt: skip

HT_SURNAMES = (
    "Jean-Baptiste", "Pierre", "Joseph", "Louis", "Charles", "Désir", "Étienne", "Saint-Fleur",
    "Dorvil", "Augustin", "Célestin", "Exantus", "Noël", "Valcourt", "Lafortune", "Théodore",
)  # fmt: skip
HT_MALE = (
    "Jean Ernso", "Wilner", "Frantz", "Jean-Robert", "Stéphane", "Mackenson", "Jérémie",
    "Wisly", "Dieuseul", "Ricardo",
)  # fmt: skip
HT_FEMALE = (
    "Marie-Ange", "Wideline", "Nadège", "Fabienne", "Guerline", "Rose-Mirlande", "Lovely",
    "Mirlande", "Roseline", "Jessica",
)  # fmt: skip

# (Cyrillic, passport romanisation, common alternative spelling)
RU_SURNAMES = (
    ("Смирнов", "Smirnov", "Smirnov"), ("Иванов", "Ivanov", "Ivanov"),
    ("Кузнецов", "Kuznetsov", "Kouznetsov"), ("Попов", "Popov", "Popov"),
    ("Соколов", "Sokolov", "Sokolov"), ("Лебедев", "Lebedev", "Lebedeff"),
    ("Козлов", "Kozlov", "Kozlov"), ("Новиков", "Novikov", "Novikoff"),
    ("Морозов", "Morozov", "Morozov"), ("Волков", "Volkov", "Volkoff"),
    ("Павлов", "Pavlov", "Pavlov"), ("Зайцев", "Zaitsev", "Zaytsev"),
    ("Орлов", "Orlov", "Orlov"), ("Беляев", "Beliaev", "Belyaev"),
)  # fmt: skip
RU_MALE = (
    ("Алексей", "Aleksei", "Alexey"), ("Дмитрий", "Dmitrii", "Dmitry"),
    ("Сергей", "Sergei", "Sergey"), ("Андрей", "Andrei", "Andrey"),
    ("Михаил", "Mikhail", "Michael"), ("Илья", "Ilia", "Ilya"), ("Никита", "Nikita", "Nikita"),
    ("Артём", "Artem", "Artyom"), ("Евгений", "Evgenii", "Evgeny"),
)  # fmt: skip
RU_FEMALE = (
    ("Анна", "Anna", "Anna"), ("Екатерина", "Ekaterina", "Yekaterina"),
    ("Ольга", "Olga", "Olga"), ("Наталья", "Natalia", "Natalya"), ("Мария", "Mariia", "Maria"),
    ("Юлия", "Iuliia", "Yulia"), ("Татьяна", "Tatiana", "Tatyana"),
    ("Ксения", "Kseniia", "Ksenia"),
)  # fmt: skip
# Father's name -> (male patronymic, female patronymic)
RU_PATRONYMICS = (
    ("Игоревич", "Игоревна"), ("Владимирович", "Владимировна"), ("Сергеевич", "Сергеевна"),
    ("Александрович", "Александровна"), ("Николаевич", "Николаевна"),
)  # fmt: skip

UA_SURNAMES = (
    ("Шевченко", "Shevchenko", "Shevchenko"), ("Бондаренко", "Bondarenko", "Bondarenko"),
    ("Коваленко", "Kovalenko", "Kovalenko"), ("Ткаченко", "Tkachenko", "Tkachenko"),
    ("Кравченко", "Kravchenko", "Kravchenko"), ("Мельник", "Melnyk", "Melnik"),
    ("Бойко", "Boiko", "Boyko"), ("Ковальчук", "Kovalchuk", "Kovalchuk"),
    ("Олійник", "Oliinyk", "Oleynik"), ("Поліщук", "Polishchuk", "Polishchuk"),
    ("Лисенко", "Lysenko", "Lysenko"), ("Савчук", "Savchuk", "Savchuk"),
)  # fmt: skip
UA_MALE = (
    ("Олександр", "Oleksandr", "Aleksandr"), ("Андрій", "Andrii", "Andriy"),
    ("Тарас", "Taras", "Taras"), ("Богдан", "Bohdan", "Bogdan"), ("Юрій", "Yurii", "Yuriy"),
    ("Віталій", "Vitalii", "Vitaliy"), ("Максим", "Maksym", "Maxim"),
)  # fmt: skip
UA_FEMALE = (
    ("Олена", "Olena", "Elena"), ("Оксана", "Oksana", "Oksana"), ("Ірина", "Iryna", "Irina"),
    ("Наталія", "Nataliia", "Natalia"), ("Юлія", "Yuliia", "Yulia"),
    ("Світлана", "Svitlana", "Svetlana"), ("Галина", "Halyna", "Galina"),
)  # fmt: skip

ZH_SURNAMES = (
    ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"),
    ("杨", "Yang"), ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"),
    ("林", "Lin"), ("郑", "Zheng"),
)  # fmt: skip
ZH_MALE = (
    ("伟", "Wei"), ("强", "Qiang"), ("磊", "Lei"), ("军", "Jun"), ("建华", "Jianhua"),
    ("志强", "Zhiqiang"), ("海涛", "Haitao"), ("明", "Ming"),
)  # fmt: skip
ZH_FEMALE = (
    ("秀英", "Xiuying"), ("丽", "Li"), ("静", "Jing"), ("敏", "Min"), ("娜", "Na"),
    ("美玲", "Meiling"), ("晓燕", "Xiaoyan"), ("芳", "Fang"),
)  # fmt: skip

AF_SURNAMES = (
    ("احمدی", "Ahmadi"), ("حیدری", "Haidari"), ("رحیمی", "Rahimi"), ("محمدی", "Mohammadi"),
    ("هاشمی", "Hashimi"), ("نوری", "Noori"), ("کریمی", "Karimi"), ("صدیقی", "Siddiqi"),
    ("وردک", "Wardak"), ("پوپلزی", "Popalzai"), ("ستانکزی", "Stanikzai"),
    ("یوسفزی", "Yousafzai"),
)  # fmt: skip
AF_MALE = (
    ("محمد", "Mohammad"), ("احمد", "Ahmad"), ("عبدالله", "Abdullah"), ("نصیر", "Nasir"),
    ("فرید", "Farid"), ("جاوید", "Javid"), ("حمید", "Hamid"), ("شفیق", "Shafiq"),
)  # fmt: skip
AF_FEMALE = (
    ("فریبا", "Fariba"), ("زهرا", "Zahra"), ("مریم", "Maryam"), ("نرگس", "Nargis"),
    ("ملالی", "Malalai"), ("شکیلا", "Shakila"), ("پروین", "Parwin"), ("سمیرا", "Samira"),
)  # fmt: skip

TR_SURNAMES = (
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
    "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kurt", "Güneş",
)  # fmt: skip
TR_MALE = ("Mehmet", "Mustafa", "Ahmet", "Ömer", "Hüseyin", "İbrahim", "Uğur", "Barış", "Çağrı")
TR_FEMALE = ("Ayşe", "Fatma", "Zeynep", "Elif", "Gülşen", "Şükran", "Hatice", "Özlem", "Çiğdem")

VI_SURNAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
)  # fmt: skip
VI_MALE = ("Văn An", "Minh Tuấn", "Đức Anh", "Quang Huy", "Văn Hùng", "Hữu Phước", "Thành Long")
VI_FEMALE = ("Thị Hương", "Thị Lan", "Ngọc Ánh", "Thu Trang", "Thị Mai", "Thị Hồng", "Bích Ngọc")

STAFF_ATTORNEYS = (
    "Laura Méndez-Whitfield", "David Okafor", "Rachel Goldberg", "Tomás Ibarra", "Priya Raman",
)  # fmt: skip
STAFF_PARALEGALS = (
    "Rosa Villanueva", "Kevin Tran", "Ana Lucía Paredes", "Marcus Bell", "Yelena Markova",
    "Diego Fuentes",
)  # fmt: skip
STAFF_VOLUNTEERS = ("Emily Hart", "Samuel Osei", "Nadia Haddad")

JUDGE_FIRST = ("Margaret", "Thomas", "Patricia", "Robert", "Elena", "Howard", "Diane", "Samuel")
JUDGE_LAST = ("Whitcombe", "Lindqvist", "Okonkwo", "Carrasco", "Feldstein", "Ashby", "Moreland")
