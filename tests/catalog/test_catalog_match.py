"""The matcher on wordings it has not seen verbatim, and on the near misses it must refuse.

The positive phrasings below are NOT in indicators.csv as written: they are the catalog's
phrasings as other plans print them (reordered, abbreviated, OCR-slipped, qualified).
"""

import csv
import math
from pathlib import Path

import pytest

from chitieu.catalog import UNMATCHED, default_catalog, link_records
from chitieu.models import Record, Target

HERE = Path(__file__).resolve().parent

MATCH = [
    # (printed name, unit, expected id)
    # people counted once ("người"), not in visits ("lượt"); a life expectancy in years;
    # unemployment insurance printed in two pieces; the satisfaction index by its initials
    ("Số người dân được hướng dẫn sử dụng DVCTT", "người", "xhs.nguoi_huong_dan_dvctt"),
    # one year printed ("năm 2027") is a yearly amount, whatever period it is set against
    # (review r2 B 7)
    ("Thu ngân sách nhà nước năm 2027 so với giai đoạn 2021-2025", "tỷ đồng",
     "ktxh.thu_ngan_sach"),
    # the total of a kind of products ("Tổng sản phẩm OCOP …") is no GRDP (review r2 B 3)
    ("Tổng sản phẩm OCOP từ 3 sao trở lên", "sản phẩm",
     "ktxh.ocop_3_sao_moi"),
    ("Số người dân được tập huấn kỹ năng số cơ bản", "người", "xhs.nguoi_tap_huan_ky_nang_so"),
    ("Số người được hướng dẫn cài đặt ứng dụng VNeID", "người", "da06.nguoi_huong_dan_vneid"),
    ("Số người dân được tập huấn kỹ năng số", None, "xhs.nguoi_tap_huan_ky_nang_so"),
    ("Số lượt người dân được tập huấn kỹ năng số", None, "xhs.luot_tap_huan_ky_nang_so"),
    ("Số người dân được tập huấn kỹ năng số", "lượt người", "xhs.luot_tap_huan_ky_nang_so"),
    # visits of a site in "lượt truy cập", visits per person; "lần lượt" ("respectively") is
    # no visit
    ("Số lượt truy cập cổng dữ liệu mở của tỉnh", "lượt truy cập", "cqs.luot_truy_cap_du_lieu_mo"),
    ("Số lượt người dân được phổ cập kỹ năng số", "người/lượt", "xhs.luot_tap_huan_ky_nang_so"),
    ("Số lượt người dân được phổ cập kỹ năng số", "lượt/người", "xhs.luot_tap_huan_ky_nang_so"),
    # "lượt" in the name of a count printed in the noun it counts ("người"): visits
    ("Số lượt người tham gia BHXH tự nguyện", "người", "ktxh.luot_bhxh_tu_nguyen"),
    ("Số lượt người dân được hướng dẫn sử dụng dịch vụ công trực tuyến", "người",
     "xhs.luot_huong_dan_dvctt"),
    ("Tỷ lệ người trong độ tuổi lao động có kỹ năng số cơ bản (lần lượt các năm)", "%",
     "xhs.nguoi_dan_ky_nang_so"),
    # a time cut printed as a share ("Tỷ lệ cắt giảm/rút ngắn thời gian …")
    ("Tỷ lệ cắt giảm thời gian giải quyết TTHC", "%", "cchc.giam_thoi_gian_tthc"),
    ("Tỷ lệ rút ngắn thời gian giải quyết các thủ tục hành chính", "%",
     "cchc.giam_thoi_gian_tthc"),
    # supermarkets listed beside markets are the markets' list; a recycled share in a
    # sub-clause is a part of the whole; a balance of revenue and spending is no spending
    ("Tỷ lệ chợ, siêu thị, trung tâm thương mại chấp nhận thanh toán không dùng tiền mặt", "%",
     "kts.cho_kdtm"),
    ("Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý (trong đó tỷ lệ được tái chế)", "%",
     "ktxh.chat_thai_ran"),
    ("Tổng thu ngân sách nhà nước trên địa bàn (cân đối thu chi ngân sách địa phương)", "tỷ đồng",
     "ktxh.thu_ngan_sach"),
    # a yearly unit is its sum ("USD/người/năm", "DN/năm", "tỷ đồng/năm"); schools added to
    # the national standard are the new ones; a time printed in % is how much it is cut; the
    # digital environment is the electronic one; a household recognised as a cultured family
    ("Thu nhập bình quân đầu người", "USD/người/năm", "ktxh.thu_nhap_binh_quan"),
    ("Số doanh nghiệp thành lập mới trong năm", "DN/năm", "ktxh.doanh_nghiep_moi"),
    ("Tổng thu ngân sách", "tỷ đồng/năm", "ktxh.thu_ngan_sach"),
    ("Số trường học đạt chuẩn quốc gia tăng thêm trong năm", "trường",
     "ktxh.truong_chuan_moi"),
    ("Rút ngắn thời gian giải quyết thủ tục hành chính", "%", "cchc.giam_thoi_gian_tthc"),
    ("Giảm thời gian giải quyết TTHC so với quy định", "%", "cchc.giam_thoi_gian_tthc"),
    ("Tỷ lệ hồ sơ công việc được xử lý trên môi trường số", "%",
     "cqs.ho_so_cong_viec_dien_tu"),
    ("Tỷ lệ hộ dân được công nhận gia đình văn hóa", "%", "ktxh.gia_dinh_van_hoa"),
    # a name opening with "Tăng" printed in % is its growth ("Tăng tỷ lệ …" raises a share);
    # income "bình quân của người dân" is per head; a purpose with no connector; procedures
    # done on the identity app; artificial intelligence spelled out
    ("Tăng giá trị sản xuất nông nghiệp", "%", "ktxh.tang_gia_tri_nong_nghiep"),
    # the product's name spelled out is the GRDP; the digital economy's revenue in % GRDP is its
    # share; a growth against the same period is the growth rate
    ("Tổng sản phẩm trên địa bàn bình quân đầu người", "triệu đồng",
     "ktxh.grdp_binh_quan_dau_nguoi"),
    ("Doanh thu kinh tế số", "% GRDP", "kts.ty_trong_kinh_te_so"),
    ("Giá trị sản xuất nông nghiệp tăng so với cùng kỳ", "%", "ktxh.tang_gia_tri_nong_nghiep"),
    ("Tăng năng suất lao động xã hội", "%", "ktxh.tang_nang_suat_lao_dong"),
    ("Tăng tỷ lệ lao động qua đào tạo", "%", "ktxh.lao_dong_qua_dao_tao"),
    ("Thu nhập bình quân của người dân trên địa bàn", "triệu đồng", "ktxh.thu_nhap_binh_quan"),
    ("Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số phát triển kinh tế số", "%",
     "kts.dnnvv_cong_nghe_so"),
    ("Tỷ lệ người dân thực hiện dịch vụ công trên ứng dụng VNeID", "%",
     "da06.vneid_thuc_hien_tthc"),
    ("Tỷ lệ cơ quan ứng dụng trí tuệ nhân tạo trong công tác chỉ đạo điều hành", "%",
     "cqs.co_quan_ung_dung_ai"),
    ("Tuổi thọ trung bình", "năm", "ktxh.tuoi_tho"),
    ("Tỷ lệ lực lượng lao động tham gia BH TN", "%", "ktxh.bh_that_nghiep"),
    ("Chỉ số SIPAS", "%", "cchc.sipas"),
    # hospitals listed with the other health facilities are the facilities; industrial waste
    # left out is no part of the household waste; a purpose is no part of what is counted
    ("Tỷ lệ cơ sở y tế (bệnh viện, trung tâm y tế, trạm y tế) liên thông dữ liệu khám chữa "
     "bệnh", "%", "xhs.co_so_y_te_lien_thong"),
    ("Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý (không tính chất thải rắn công "
     "nghiệp)", "%", "ktxh.chat_thai_ran"),
    ("Tỷ lệ doanh nghiệp nhỏ và vừa ứng dụng nền tảng số nhằm phát triển kinh tế số", "%",
     "kts.dnnvv_cong_nghe_so"),
    # an area (and a sum of money) per head is one per person whatever unit is printed; a
    # population printed in the unit is the name's ("DN/1.000 dân"); money per hectare
    ("Diện tích nhà ở bình quân đầu người", "m2", "ktxh.nha_o_binh_quan"),
    ("Số doanh nghiệp công nghệ số", "DN/1.000 dân", "kts.dn_cong_nghe_so_tren_dan"),
    ("Giá trị thu hoạch trên 1 ha đất trồng trọt", "triệu đồng/ha", "ktxh.gia_tri_tren_ha"),
    ("Giá trị sản xuất bình quân trên 1 ha đất trồng trọt", "triệu đồng/1 ha",
     "ktxh.gia_tri_tren_ha"),
    ("Giá trị sản phẩm thu hoạch trên một héc ta đất canh tác", "triệu đồng/ha",
     "ktxh.gia_tri_tren_ha"),
    # a digital school record is signed; tasks followed on software are monitored online;
    # the identity app before what it is used for; a cultural house with its sports ground;
    # basic digital skills held are the skills universalised
    ("Tỷ lệ học sinh có học bạ số được ký số", "%", "xhs.hoc_sinh_hoc_ba_so"),
    ("Tỷ lệ nhiệm vụ được giao theo dõi trên phần mềm", "%", "cqs.nhiem_vu_giam_sat_dien_tu"),
    ("Tỷ lệ người dân dùng VNeID để nộp hồ sơ thủ tục hành chính", "%",
     "da06.vneid_thuc_hien_tthc"),
    ("Tỷ lệ thôn có nhà văn hóa - khu thể thao đạt chuẩn", "%", "ktxh.thon_nha_van_hoa"),
    ("Tỷ lệ người dân trong độ tuổi lao động có kỹ năng số cơ bản", "%",
     "xhs.nguoi_dan_ky_nang_so"),
    # a total or a value printed as a bare share is its growth
    ("Giá trị sản xuất nông nghiệp", "%", "ktxh.tang_gia_tri_nong_nghiep"),
    ("Tổng vốn đầu tư phát triển toàn xã hội tăng bình quân", "%",
     "ktxh.von_dau_tu_toan_xa_hoi"),
    # an index printed in points; "more than once" however said; publishing on time is how a
    # procedure is published; the programme a thing is built under; the smart loudspeakers
    # by their official name; the digital-skills movement is their training; vaccinated in
    # full however said; a sex ratio printed in boys alone; completing preschool is no training
    ("Chỉ số DTI cấp xã", "điểm", "cqs.dti_chi_so"),
    # grouped by a space, the number is two words; still a count per 10,000 people
    ("Số bác sĩ trên 10 000 dân", "bác sĩ", "ktxh.bac_si_van_dan"),
    ("Số giường bệnh trên 10 000 dân", "giường bệnh", "ktxh.giuong_benh_van_dan"),
    # dossiers settled on time and then published are still settled on time
    ("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn được công khai trên Cổng dịch vụ công", "%",
     "cqs.ho_so_dung_han"),
    ("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn và công khai kết quả", "%",
     "cqs.ho_so_dung_han"),
    ("Tỷ lệ TTHC được công khai đầy đủ, đúng hạn trên Cổng DVC quốc gia", "%",
     "cchc.tthc_cong_khai"),
    # a training programme completed is training; a school programme is not
    ("Tỷ lệ cán bộ, công chức hoàn thành chương trình bồi dưỡng kỹ năng số", "%",
     "nls.cbcc_ky_nang_so_co_ban"),
    ("Tỷ lệ trẻ em 5 tuổi hoàn thành chương trình giáo dục mầm non (phổ cập)", "%",
     "ktxh.mam_non_5_tuoi"),
    # the software a paper is signed on is where it is signed
    ("Tỷ lệ văn bản đi được ký số trên phần mềm quản lý văn bản", "%", "cqs.van_ban_ky_so"),
    ("Tỷ lệ văn bản đi được ký số qua phần mềm QLVB", "%", "cqs.van_ban_ky_so"),
    # "nữ" alone is no condition: a breakdown "(nam, nữ)" of the whole
    ("Tỷ lệ dân số tham gia bảo hiểm y tế (nam, nữ)", "%", "ktxh.bhyt"),
    ("Tỷ lệ hồ sơ phải yêu cầu bổ sung hơn 1 lần", "%", "cchc.ho_so_bo_sung_nhieu_lan"),
    ("Tỷ lệ thủ tục hành chính được công khai đúng hạn", "%", "cchc.tthc_cong_khai"),
    ("Số thôn thông minh theo Đề án 06 được xây dựng, vận hành", "mô hình",
     "da06.so_mo_hinh_thon_thong_minh"),
    ("Tỷ lệ thôn, tổ dân phố có loa truyền thanh ứng dụng CNTT", "%", "hts.loa_thong_minh"),
    ("Số người dân được tham gia lớp Bình dân học vụ số", "lượt người",
     "xhs.luot_tap_huan_ky_nang_so"),
    ("Số lớp Bình dân học vụ số tổ chức cho người dân", "lớp", "xhs.lop_ky_nang_so"),
    ("Tỷ lệ trẻ em dưới 1 tuổi được tiêm đủ các loại vắc xin", "%", "ktxh.tiem_chung"),
    ("Tỷ số giới tính khi sinh ở mức", "bé trai", "ktxh.ty_so_gioi_tinh"),
    ("Tỷ lệ trẻ 5 tuổi hoàn thành chương trình mầm non (đạt chuẩn phổ cập)", "%",
     "ktxh.mam_non_5_tuoi"),
    ("Tỷ lệ người dân có sổ sức khỏe điện tử trên ứng dụng VNeID", "%", "xhs.ho_so_suc_khoe"),
    # a school carrying out a digital measure deploys it; the informal sector's workers
    ("Tỷ lệ cơ sở giáo dục thực hiện học bạ số", "%", "xhs.truong_hoc_ba_so"),
    # a paper issued through the document system is sent on the network; KCN, XLNT
    ("Tỷ lệ văn bản đi được ký số, phát hành điện tử", "%", "cqs.van_ban_ky_so_gui_dien_tu"),
    ("Tỷ lệ KCN đang hoạt động có hệ thống XLNT tập trung", "%", "ktxh.kcn_xu_ly_nuoc_thai"),
    # hospital beds are beds wherever they are
    ("Số giường bệnh bệnh viện trên 1 vạn dân", "giường", "ktxh.giuong_benh_van_dan"),
    # thousands grouped by dots are one number ("10.000 dân")
    ("Số bác sĩ bình quân trên 10.000 dân", "bác sĩ", "ktxh.bac_si_van_dan"),
    # doctors are persons; an electronic payment is one without cash (an account for it is an
    # account); the commune's radio "ứng dụng CNTT-VT" is the smart one
    ("Số bác sĩ trên 10.000 dân", "người", "ktxh.bac_si_van_dan"),
    ("Tỷ lệ hộ kinh doanh cá thể sử dụng thanh toán điện tử", "%",
     "kts.ho_kd_kdtm"),
    ("Tỷ lệ hộ gia đình có tài khoản giao dịch thanh toán điện tử", "%",
     "xhs.ho_tai_khoan_thanh_toan"),
    ("Tỷ lệ thôn có đài truyền thanh ứng dụng công nghệ thông tin - viễn thông", "%",
     "hts.loa_thong_minh"),
    # the national indicators added with their 2026-2030 targets
    ("Tỷ lệ lực lượng lao động trong độ tuổi tham gia BHTN", "%", "ktxh.bh_that_nghiep"),
    ("Tỷ lệ lao động làm việc ở khu vực phi chính thức giảm còn", "%",
     "ktxh.lao_dong_phi_chinh_thuc"),
    ("Chỉ số phát triển con người", "chỉ số", "ktxh.hdi"),
    ("Tuổi thọ trung bình (tính từ lúc sinh)", "tuổi", "ktxh.tuoi_tho"),
    ("Sản lượng lương thực có hạt", "Nghìn tấn", "ktxh.san_luong_luong_thuc"),
    ("Tỷ lệ hộ nghèo giảm", "điểm %", "ktxh.ho_ngheo_diem_phan_tram"),
    # the working-age population is the plans' "lao động"; urban however it is called; the
    # app's utilities "trên VNeID"
    ("Tỷ lệ người lao động được phổ cập kỹ năng số cơ bản", "%", "xhs.nguoi_dan_ky_nang_so"),
    ("Tỷ lệ thất nghiệp của lao động khu vực đô thị", "%", "ktxh.that_nghiep_thanh_thi"),
    ("Tỷ lệ người dân sử dụng thường xuyên các tiện ích trên VNeID", "%",
     "da06.vneid_su_dung_thuong_xuyen"),
    # the Quốc hội's and the Government's 2026 macro indicators
    ("GDP/người", "USD", "ktxh.grdp_binh_quan_dau_nguoi"),
    ("Chỉ số giá tiêu dùng (CPI) tăng bình quân", "%", "ktxh.cpi"),
    ("Năng suất lao động xã hội tăng bình quân", "%", "ktxh.tang_nang_suat_lao_dong"),
    ("Tỷ lệ đô thị hoá", "%", "ktxh.do_thi_hoa"),
    ("Diện tích nhà ở bình quân đầu người", "m2/người", "ktxh.nha_o_binh_quan"),
    ("Nhà ở xã hội hoàn thành", "căn", "ktxh.nha_o_xa_hoi"),
    ("Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP của tỉnh", "%",
     "ktxh.ty_trong_cn_che_bien"),
    ("Tỷ lệ KCN có hệ thống xử lý nước thải tập trung đạt chuẩn", "%",
     "ktxh.kcn_xu_ly_nuoc_thai"),
    ("Tỷ lệ lao động nông nghiệp trong tổng số lao động", "%", "ktxh.lao_dong_nong_nghiep"),
    # a fall printed at the end of the name, as a growth is ("… giảm", "… giảm trong năm"); TFP
    # is a productivity
    ("Tỷ lệ hộ nghèo đa chiều giảm trong năm", "%", "ktxh.giam_ho_ngheo"),
    ("Tỷ lệ hộ nghèo đa chiều giảm", "điểm %", "ktxh.ho_ngheo_diem_phan_tram"),
    ("Đóng góp của TFP vào tăng trưởng kinh tế", "%", "ktxh.tfp"),
    # height for age is stunting; regular use before the app; an exclusion of scattered trees
    ("Tỷ lệ suy dinh dưỡng chiều cao theo tuổi ở trẻ em dưới 5 tuổi", "%", "ktxh.suy_dinh_duong"),
    ("Tỷ lệ dân số thường xuyên dùng ứng dụng VNeID", "%", "da06.vneid_su_dung_thuong_xuyen"),
    ("Tỷ lệ che phủ rừng (không tính cây phân tán)", "%", "ktxh.che_phu_rung"),
    # a part of people and firms (firms alone, people alone) is the users of public services
    ("Tỷ lệ doanh nghiệp hài lòng với việc giải quyết TTHC", "%", "cchc.hai_long_tthc"),
    ("Tỷ lệ doanh nghiệp hài lòng khi dùng dịch vụ công trực tuyến", "%", "cqs.hai_long_dvctt"),
    ("Tỷ lệ doanh nghiệp sử dụng DVCTT", "%", "cqs.su_dung_dvctt"),
    ("Tỷ lệ người dân sử dụng DVCTT", "%", "cqs.su_dung_dvctt"),
    ("Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử", "%", "kts.dn_hoa_don_dien_tu"),
    # indicators of the Quốc hội's 2026 plan: doctors and beds per 10,000 people, labour with
    # certificates, urban unemployment and waste, communes up to the NTM standard
    ("Số bác sỹ/10.000 dân", "bác sĩ", "ktxh.bac_si_van_dan"),
    ("Giường bệnh trên 1 vạn dân", "giường", "ktxh.giuong_benh_van_dan"),
    # a size of population without its number, or in words ("nghìn dân" is per 1,000 as
    # "1.000 dân" is; "mười nghìn dân" per 10,000)
    ("Số doanh nghiệp công nghệ số bình quân trên nghìn dân", "DN",
     "kts.dn_cong_nghe_so_tren_dan"),
    ("Số bác sĩ bình quân trên mười nghìn dân", "người", "ktxh.bac_si_van_dan"),
    # "người dân" as "dân", "người" in a unit; a number typed against its word
    ("Số giường bệnh", "giường/10.000 người dân", "ktxh.giuong_benh_van_dan"),
    ("Số doanh nghiệp công nghệ số", "DN/1.000 người", "kts.dn_cong_nghe_so_tren_dan"),
    ("Số giường bệnh trên 10.000dân", "giường", "ktxh.giuong_benh_van_dan"),
    ("Tỷ lệ lao động đã qua đào tạo có văn bằng, chứng chỉ", "%", "ktxh.lao_dong_bang_cap"),
    ("Tỷ lệ lao động qua đào tạo", "%", "ktxh.lao_dong_qua_dao_tao"),
    ("Tỷ lệ thất nghiệp ở thành thị", "%", "ktxh.that_nghiep_thanh_thi"),
    ("Tỷ lệ thất nghiệp", "%", "ktxh.that_nghiep"),
    ("Tỷ lệ CTR sinh hoạt tại đô thị được thu gom, xử lý", "%", "ktxh.chat_thai_do_thi"),
    ("Tỷ lệ chất thải rắn sinh hoạt được thu gom và xử lý", "%", "ktxh.chat_thai_ran"),
    ("Tỷ lệ số xã đạt chuẩn NTM", "%", "ntm.xa_dat_chuan"),
    # the locality "của" dropped before the synonyms; "1ha"; a quota "hoàn thành 100%"; the app
    # named between "sử dụng" and "thường xuyên"; a dossier "đề nghị cấp" a paper
    ("GRDP của phường tăng", "%", "ktxh.tang_truong_kinh_te"),
    ("Giá trị thu hoạch trên 1ha đất trồng trọt", "triệu đồng", "ktxh.gia_tri_tren_ha"),
    ("Hoàn thành 100% chỉ tiêu tuyển quân", "%", "qpan.tuyen_quan"),
    ("Tỷ lệ dân số trưởng thành dùng VNeID thường xuyên", "%",
     "da06.vneid_su_dung_thuong_xuyen"),
    ("Tỷ lệ hồ sơ đề nghị cấp thẻ căn cước được thu nhận", "%", "da06.thu_nhan_can_cuoc"),
    # a commune's "cán bộ" are its officials (its staff in a role stay apart); households'
    # bank accounts are their payment accounts
    ("Tỷ lệ cán bộ xã được cấp chữ ký số", "%", "cqs.cbcc_chu_ky_so"),
    ("Tỷ lệ cán bộ cấp xã được bồi dưỡng kỹ năng số cơ bản", "%",
     "nls.cbcc_ky_nang_so_co_ban"),
    ("Tỷ lệ cán bộ phụ trách CNTT được đào tạo nâng cao", "%",
     "nls.cb_phu_trach_cntt_nang_cao"),
    ("Tỷ lệ hộ gia đình có tài khoản ngân hàng", "%", "xhs.ho_tai_khoan_thanh_toan"),
    # "(GRDP) tăng" after the product's name; a hectare spelled out
    ("Tổng sản phẩm trên địa bàn (GRDP) tăng", "%", "ktxh.tang_truong_kinh_te"),
    ("Giá trị sản xuất bình quân trên một héc ta đất canh tác", "triệu đồng",
     "ktxh.gia_tri_tren_ha"),
    # a conference is a meeting; the value "thu được" on a hectare of cultivated land; guidance
    # counted in visits; results returned on time; TSLCD; news counted in "tin"; QR payments
    ("Tỷ lệ hội nghị được tổ chức theo hình thức trực tuyến", "%", "cqs.hop_truc_tuyen"),
    ("Giá trị thu được trên 1 ha đất canh tác", "triệu đồng", "ktxh.gia_tri_tren_ha"),
    ("Lượt người được hướng dẫn cài đặt ứng dụng VNeID", "lượt", "da06.luot_huong_dan_vneid"),
    ("Tỷ lệ hồ sơ trả kết quả đúng hạn", "%", "cqs.ho_so_dung_han"),
    ("Tỷ lệ cơ quan nhà nước kết nối mạng TSLCD", "%", "hts.co_quan_truyen_so_lieu"),
    ("Số tin, bài tuyên truyền CĐS trên loa truyền thanh", "tin", "nts.tin_bai_loa_cds"),
    ("Số điểm thanh toán bằng mã QR tại chợ, cửa hàng", "điểm", "kts.diem_kdtm"),
    ("Tỷ lệ học sinh được cấp học bạ điện tử", "%", "xhs.hoc_sinh_hoc_ba_so"),
    # a growth rate is at constant prices whether or not it says so
    ("Tốc độ tăng trưởng kinh tế (theo giá so sánh)", "%", "ktxh.tang_truong_kinh_te"),
    # abbreviations of the waste and of business households; a paper sent "qua mạng"; data
    # sets counted in "tập"; a fall opened by "kéo giảm"; using VNeID for procedures
    ("Tỷ lệ CTRSH được thu gom, xử lý", "%", "ktxh.chat_thai_ran"),
    ("Số hộ KD bán hàng qua mạng xã hội", "hộ", "kts.ho_kd_mang_xa_hoi"),
    ("Tỷ lệ HKD nộp thuế điện tử", "%", "kts.ho_kd_thue_dien_tu"),
    ("Tỷ lệ văn bản đi được ký số, gửi qua môi trường mạng", "%",
     "cqs.van_ban_ky_so_gui_dien_tu"),
    ("Tỷ lệ văn bản được gửi qua mạng", "%", "cqs.van_ban_gui_nhan_dien_tu"),
    ("Số tập dữ liệu mở", "tập", "cqs.tap_du_lieu_mo"),
    ("Kéo giảm số vụ tai nạn giao thông", "%", "qpan.tai_nan_giao_thong"),
    ("Tỷ lệ người dân sử dụng VNeID khi thực hiện thủ tục hành chính", "%",
     "da06.vneid_thuc_hien_tthc"),
    ("Thu nhập bình quân đầu người", "triệu đồng", "ktxh.thu_nhap_binh_quan"),
    ("Tỷ lệ DVCTT mức độ 4", "%", "cqs.dvctt_toan_trinh"),
    ("Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP)", "%", "ktxh.tang_truong_kinh_te"),
    ("Tỷ lệ hồ sơ TTHC được giải quyết trực tuyến toàn trình", "%",
     "cqs.ho_so_truc_tuyen_toan_trinh"),
    ("Tỉ lệ TTHC cung cấp DVCTT toàn trình", "%", "cqs.dvctt_toan_trinh"),
    ("Tỷ lệ DVCTT toàn trình trên tổng số TTHC đủ điều kiện của xã", "%",
     "cqs.dvctt_toan_trinh"),
    ("Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến trên địa bàn phường", "%",
     "cqs.ho_so_truc_tuyen"),
    ("Tỷ lệ người dân có tài khoản thanh toán", "%", "xhs.tai_khoan_thanh_toan"),
    ("Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản ngân hàng", "%", "xhs.tai_khoan_thanh_toan"),
    ("Tỷ lệ công dân từ đủ 14 tuổi có tài khoản định danh điện tử mức 2 (VNeID)", "%",
     "da06.tai_khoan_dinh_danh_muc2"),
    ("Tỷ lệ hộ gia đình có Internet cáp quang băng rộng", "%", "hts.ho_cap_quang"),
    ("Tỷ lệ văn bản đi của UBND xã được ký số", "%", "cqs.van_ban_ky_so"),
    ("Tỷ lệ CBCC được bồi dưỡng kỹ năng số cơ bản", "%", "nls.cbcc_ky_nang_so_co_ban"),
    ("Tỷ lệ CBCCVC được đào tạo kỹ năng số cơ bản", "%", "nls.cbccvc_ky_nang_so_co_ban"),
    ("Tỷ lệ người dân có sổ sức khoẻ điện tử", "%", "xhs.ho_so_suc_khoe"),
    ("Tỷ lệ phủ sóng 5G trên dân số của xã", "% dân số", "hts.phu_song_5g"),
    ("Tỷ lệ hộ nghèo theo chuẩn đa chiều", "%", "ktxh.ho_ngheo"),
    ("Số điểm Wi-Fi miễn phí tại nơi công cộng", "điểm", "hts.diem_wifi_cong_cong"),
    ("Tỷ lệ người dân, doanh nghiệp hài lòng khi sử dụng DVCTT", "%", "cqs.hai_long_dvctt"),
    ("Tỷ lệ giao dịch thanh toán không dùng tiền mặt", "%", "kts.giao_dich_kdtm"),
    ("Thu ngân sách nhà nước trên địa bàn xã", "tỷ đồng", "ktxh.thu_ngan_sach"),
    ("Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định tốc độ trên 1Gbps", "%",
     "hts.bang_rong_1gbps"),
    # the pillars abbreviated (KTS), GRDP growth spelled out, dossiers "nộp" (submitted)
    # online, small and medium firms abbreviated, skills "trang bị" (taught)
    ("Tỷ trọng KTS trong GRDP", "%", "kts.ty_trong_kinh_te_so"),
    ("Tốc độ tăng trưởng tổng sản phẩm trên địa bàn bình quân", "%/năm",
     "ktxh.tang_truong_kinh_te"),
    ("Tỷ lệ hồ sơ TTHC được nộp trực tuyến", "%", "cqs.ho_so_truc_tuyen"),
    ("Tỷ lệ DNNVV ứng dụng công nghệ số", "%", "kts.dnnvv_cong_nghe_so"),
    ("Tỷ lệ học sinh được trang bị kiến thức, kỹ năng số cơ bản", "%",
     "xhs.hoc_sinh_ky_nang_so"),
    # the domain of the indicator's group named in the record is not a difference
    ("Số sáng kiến CCHC được công nhận", "sáng kiến", "cchc.sang_kien"),
    # the conditions below do not stop their own phrasings: signal "phủ sóng" is coverage of
    # a village either way, children under 1, the electronic health record
    ("Tỷ lệ thôn được phủ sóng di động 4G", "%", "hts.thon_4g"),
    ("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin", "%",
     "ktxh.tiem_chung"),
    ("Tỷ lệ người dân có hồ sơ sức khỏe điện tử", "%", "xhs.ho_so_suc_khoe"),
    # a health post abbreviated, "sỹ" for "sĩ"; an age band printed with a sign; villages
    # called "làng" or "khu dân cư" and the title "đạt chuẩn văn hóa"; dossiers sent "qua
    # mạng"; settled "đúng, trước hạn"
    ("Tỷ lệ TYT có bác sỹ làm việc", "%", "ktxh.tram_y_te_bac_si"),
    ("Tỷ lệ trẻ em < 1 tuổi được tiêm chủng đầy đủ", "%", "ktxh.tiem_chung"),
    ("Tỷ lệ thôn, làng đạt chuẩn văn hóa", "%", "ktxh.thon_van_hoa"),
    ("Tỷ lệ khu dân cư đạt chuẩn văn hóa", "%", "ktxh.thon_van_hoa"),
    ("Tỷ lệ hồ sơ được tiếp nhận qua mạng", "%", "cqs.ho_so_truc_tuyen"),
    ("Tỷ lệ hồ sơ TTHC được giải quyết đúng, trước hạn", "%", "cqs.ho_so_dung_han"),
    # where the teams are ("ở các thôn") is not what is counted
    ("Số tổ công nghệ số cộng đồng ở các thôn", "tổ", "xhs.so_to_cnscd"),
    # OCR slips kept in the name
    ("Tỷ lệ hồ sơ thủ tục hành chinh xử lý trực tuyến", "%", "cqs.ho_so_truc_tuyen"),
    ("Ty lệ dân số trưởng thành có chữ ký số cá nhân", "%", "xhs.chu_ky_so_ca_nhan"),
    # the population's share is read with a qualifier of it (the year, the standard), and
    # the verb's object agrees ("Internet băng rộng" is the line, "DVCTT" the public services)
    ("Tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2026-2030", "%", "ktxh.ho_ngheo"),
    ("Tỷ lệ hộ nghèo năm 2026", "%", "ktxh.ho_ngheo"),
    ("Tỷ lệ người dân tiếp cận Internet băng rộng cố định", "%", "hts.bang_rong_co_dinh"),
    ("Tỷ lệ người dân, doanh nghiệp sử dụng DVCTT", "%", "cqs.su_dung_dvctt"),
    # a name ending in "tăng" prints a growth rate; GDP growth is economic growth
    ("Tăng trưởng GRDP", "%", "ktxh.tang_truong_kinh_te"),
    ("Giá trị sản xuất ngành nông nghiệp tăng", "%", "ktxh.tang_gia_tri_nong_nghiep"),
    # "giảm xuống" opens the level; "giảm bình quân" is a fall (against the year before)
    ("Tỷ lệ hộ nghèo giảm xuống", "%", "ktxh.ho_ngheo"),
    ("Tỷ lệ hộ nghèo giảm bình quân hằng năm", "%", "ktxh.giam_ho_ngheo"),
    # a count of cases printed in % is its fall, however the name says it; TNGT spelled out
    ("Số vụ tai nạn giao thông giảm so với cùng kỳ năm trước", "%", "qpan.tai_nan_giao_thong"),
    ("Số vụ TNGT trên địa bàn", "%", "qpan.tai_nan_giao_thong"),
    ("Số hộ, cá nhân kinh doanh sử dụng hóa đơn điện tử", "hộ", "kts.so_ho_kd_hoa_don_dien_tu"),
    # clubs counted in CLB as in câu lạc bộ; TDTT spelled out; the South's "ấp, khu phố"
    ("Số CLB thể dục thể thao", "CLB", "ktxh.clb_the_thao"),
    ("Số câu lạc bộ TDTT", "câu lạc bộ", "ktxh.clb_the_thao"),
    ("Tỷ lệ ấp, khu phố văn hóa", "%", "ktxh.thon_van_hoa"),
    # dossiers digitised as they come in ("đầu vào") and their results as they go out
    ("Tỷ lệ số hóa hồ sơ đầu vào, số hóa đầu ra", "%", "cqs.so_hoa_ho_so_ket_qua"),
    # the growth of a commune's product ("tổng giá trị sản phẩm") or a province's, wherever
    # it is said to be, is economic growth
    ("Tốc độ tăng trưởng tổng giá trị sản phẩm bình quân", "%", "ktxh.tang_truong_kinh_te"),
    ("Tốc độ tăng trưởng tổng sản phẩm trong tỉnh", "%", "ktxh.tang_truong_kinh_te"),
    # a village or family "văn hóa", "được công nhận" or "đạt chuẩn", holds the title
    ("Tỷ lệ khu dân cư được công nhận khu dân cư văn hóa", "%", "ktxh.thon_van_hoa"),
    ("Tỷ lệ thôn văn hóa", "%", "ktxh.thon_van_hoa"),
    ("Tỷ lệ hộ đạt chuẩn gia đình văn hóa", "%", "ktxh.gia_dinh_van_hoa"),
    # the statistics' name of the value produced on a hectare
    ("Giá trị sản phẩm thu hoạch trên 1 ha đất trồng trọt bình quân", "triệu đồng",
     "ktxh.gia_tri_tren_ha"),
    # paid through an account is paid without cash
    ("Tỷ lệ chi trả an sinh xã hội qua tài khoản", "%", "xhs.chi_tra_asxh_kdtm"),
    # the documents system is the electronic environment; the level of government and the
    # portal a thing is done on are its frame
    ("Tỷ lệ hồ sơ công việc cấp xã được xử lý trên hệ thống quản lý văn bản và điều hành",
     "%", "cqs.ho_so_cong_viec_dien_tu"),
    ("Tỷ lệ hồ sơ được thanh toán trực tuyến trên Cổng DVCQG", "%",
     "cqs.ho_so_thanh_toan_truc_tuyen"),
    # TE (trẻ em) before an age band, TCĐĐ (tiêm chủng đầy đủ)
    ("Tỷ lệ TE dưới 1 tuổi được TCĐĐ", "%", "ktxh.tiem_chung"),
    # the national wording of QĐ 411 (an alias)
    ("Tỷ lệ DNNVV sử dụng nền tảng số trong sản xuất kinh doanh", "%",
     "kts.dnnvv_cong_nghe_so"),
    # a ward's "tổ", "làng", "khối phố" văn hóa hold the title
    ("Tỷ lệ tổ văn hóa", "%", "ktxh.thon_van_hoa"),
    ("Tỷ lệ làng, bản văn hóa", "%", "ktxh.thon_van_hoa"),
    ("Tỷ lệ khối phố văn hóa", "%", "ktxh.thon_van_hoa"),
    # preschools and general schools together are all the schools
    ("Tỷ lệ trường mầm non, phổ thông công lập đạt chuẩn quốc gia", "%",
     "ktxh.truong_chuan_quoc_gia"),
    ("Tỷ lệ trường mầm non, tiểu học, THCS đạt chuẩn quốc gia", "%",
     "ktxh.truong_chuan_quoc_gia"),
    # a result signed and given back online is the result issued electronically
    ("Tỷ lệ kết quả giải quyết TTHC được ký số và trả trên môi trường mạng", "%",
     "cqs.cap_ket_qua_dien_tu"),
    # the one-stop desk's "hẹn" (the date a result is due), a data set called a "bộ", the
    # English "smartphone", "không tiền mặt" without its "dùng", an individual business
    # household, and the abbreviations CNSCĐ, QG, GĐVH, HĐĐT
    ("Tỷ lệ hồ sơ TTHC giải quyết quá hẹn", "%", "cqs.ho_so_qua_han"),
    ("Tỷ lệ hồ sơ giải quyết đúng hẹn", "%", "cqs.ho_so_dung_han"),
    ("Số bộ dữ liệu mở được công bố", "bộ", "cqs.tap_du_lieu_mo"),
    ("Tỷ lệ hộ gia đình có smartphone", "%", "xhs.ho_dien_thoai_thong_minh"),
    ("Số hộ kinh doanh cá thể thanh toán không tiền mặt", "hộ", "kts.so_ho_kd_kdtm"),
    ("Số thôn có tổ CNSCĐ", "thôn", "xhs.so_thon_to_cnscd"),
    ("Số trường đạt chuẩn QG mức độ 2", "trường", "ktxh.truong_chuan_muc_do_2"),
    ("Tỷ lệ gia đình được công nhận GĐVH", "%", "ktxh.gia_dinh_van_hoa"),
    ("Số hộ kinh doanh sử dụng HĐĐT", "hộ", "kts.so_ho_kd_hoa_don_dien_tu"),
    # more than once is many times, not once only
    ("Tỷ lệ hồ sơ TTHC phải bổ sung, hoàn thiện nhiều lần", "%",
     "cchc.ho_so_bo_sung_nhieu_lan"),
    # "CB, CC (, VC)" in a narrow column; a unit opening with "số"; a school "mới" after its
    # standard; a thing held on VNeID is no identity account; a name opening with "Giảm"
    ("Tỷ lệ CB, CC, VC được đào tạo kỹ năng số cơ bản", "%", "nls.cbccvc_ky_nang_so_co_ban"),
    ("Tỷ lệ CB, CC sử dụng chữ ký số", "%", "cqs.cbcc_chu_ky_so"),
    ("Số hộ gia đình được hướng dẫn cài đặt VNeID", "số hộ", "da06.ho_huong_dan_vneid"),
    ("Số trường mới đạt chuẩn quốc gia trong năm", "trường", "ktxh.truong_chuan_moi"),
    ("Tỷ lệ người dân có sổ sức khỏe điện tử tích hợp trên VNeID", "%", "xhs.ho_so_suc_khoe"),
    ("Giảm số vụ phạm pháp hình sự so với năm trước", "%", "qpan.giam_pham_phap_hinh_su"),
    # a ward's "khu phố" is its village; a digital identity is the identity account; the
    # sector "nông, lâm nghiệp, thủy sản" is agriculture
    ("Tỷ lệ khu phố có Tổ công nghệ số cộng đồng hoạt động hiệu quả", "%", "xhs.thon_to_cnscd"),
    ("Số khu phố có Tổ công nghệ số cộng đồng hoạt động hiệu quả", "khu phố",
     "xhs.so_thon_to_cnscd"),
    ("Tỷ lệ công dân có danh tính số (VNeID)", "%", "da06.tai_khoan_dinh_danh_muc2"),
    ("Tốc độ tăng giá trị sản xuất ngành nông, lâm nghiệp, thủy sản", "%",
     "ktxh.tang_gia_tri_nong_nghiep"),
    # ANTT is public order ("an ninh, trật tự")
    ("Tỷ lệ thôn, khu phố đạt tiêu chuẩn an toàn về ANTT", "%", "qpan.tdp_an_toan_antt"),
    # the GRDP's growth with a frame between ("bình quân hằng năm", a period, the locality)
    ("Tổng sản phẩm trên địa bàn (GRDP) bình quân hằng năm giai đoạn 2021-2025 tăng", "%",
     "ktxh.tang_truong_kinh_te"),
    ("Giá trị tổng sản phẩm của xã bình quân hằng năm tăng", "%", "ktxh.tang_truong_kinh_te"),
    # an amount said to be yearly within a period is the yearly figure; a rate per so many
    # people is no sum, whatever its period
    ("Thu ngân sách nhà nước trên địa bàn bình quân mỗi năm thời kỳ 2026-2030", "tỷ đồng",
     "ktxh.thu_ngan_sach"),
    ("Số doanh nghiệp đăng ký thành lập mới bình quân hằng năm giai đoạn 2021-2025",
     "doanh nghiệp", "ktxh.doanh_nghiep_moi"),
    ("Số bác sĩ trên 1 vạn dân giai đoạn 2026-2030", "bác sĩ", "ktxh.bac_si_van_dan"),
    # "ngàn" is "nghìn", in the name and in the unit
    ("Số giường bệnh trên 10 ngàn người dân", "giường", "ktxh.giuong_benh_van_dan"),
    ("Số giường bệnh", "giường/10 ngàn dân", "ktxh.giuong_benh_van_dan"),
    ("Số doanh nghiệp công nghệ số", "doanh nghiệp/1 nghìn người dân",
     "kts.dn_cong_nghe_so_tren_dan"),
    # the working-age population "có kỹ năng số" is the one universalised (QĐ 411)
    ("Tỷ lệ lao động trong độ tuổi có kỹ năng số", "%", "xhs.nguoi_dan_ky_nang_so"),
    # average income and public investment abbreviated
    ("TNBQ của người dân", "triệu đồng/người", "ktxh.thu_nhap_binh_quan"),
    ("Giải ngân vốn ĐTC đạt", "%", "ktxh.giai_ngan_dau_tu_cong"),
    # a school recognised in the year is a new one
    ("Số trường học được công nhận chuẩn quốc gia trong năm 2026", "trường",
     "ktxh.truong_chuan_moi"),
    # farm produce helped onto an e-commerce platform: the products on it
    ("Sản phẩm nông sản chủ lực được hỗ trợ đưa lên sàn thương mại điện tử", "sản phẩm",
     "kts.nong_san_tmdt"),
    # a count of additions ("tăng thêm", "mới") links to the indicator of additions, a stock
    # so far ("lũy kế", "cộng dồn") to the stock; what is done for people in the year is an
    # addition ("được hỗ trợ xây mới nhà ở")
    ("Số doanh nghiệp được thành lập mới, tăng thêm trong năm", "doanh nghiệp",
     "ktxh.doanh_nghiep_moi"),
    ("Số tài khoản định danh điện tử kích hoạt mới tăng thêm", "tài khoản",
     "da06.so_tai_khoan_kich_hoat"),
    ("Số thôn đạt chuẩn NTM kiểu mẫu lũy kế đến hết năm 2026", "thôn", "ntm.thon_kieu_mau"),
    ("Số hộ gia đình sử dụng dịch vụ Internet cáp quang (cộng dồn)", "hộ",
     "hts.so_ho_cap_quang"),
    ("Số hộ nghèo được hỗ trợ xây mới nhà ở trong năm", "hộ", "ktxh.ho_ngheo_ho_tro_nha_o"),
    # the year's so far ("từ đầu năm đến nay") is no stock; a stock "đến nay" is one
    ("Số doanh nghiệp thành lập mới từ đầu năm đến nay", "doanh nghiệp",
     "ktxh.doanh_nghiep_moi"),
    ("Số hộ sử dụng Internet cáp quang đến nay", "hộ", "hts.so_ho_cap_quang"),
    # a count neither of additions nor of a state (initiatives recognised, news posted,
    # classes held) may be printed either way
    ("Số sáng kiến, giải pháp được công nhận trong năm", "sáng kiến", "cchc.sang_kien"),
    ("Số sáng kiến được công nhận mới", "sáng kiến", "cchc.sang_kien"),
    ("Số mô hình thôn thông minh được xây dựng mới", "mô hình",
     "da06.so_mo_hinh_thon_thong_minh"),
    ("Số mô hình thôn thông minh (lũy kế)", "mô hình", "da06.so_mo_hinh_thon_thong_minh"),
    ("Số tin, bài đăng trên trang thông tin điện tử xã tăng thêm trong năm", "tin, bài",
     "nts.tin_bai_trang_ttdt"),
    ("Số lớp tập huấn kỹ năng số mở mới trong năm", "lớp", "xhs.lop_ky_nang_so"),
    # the farm sector's output growing on average each year (the catalog's alias)
    ("Giá trị sản xuất nông, lâm, thủy sản tăng trưởng bình quân mỗi năm", "%",
     "ktxh.tang_gia_tri_nong_nghiep"),
    # doctors abbreviated; a health record "theo dõi sức khỏe"; a unit of land area, the hectare
    ("Số BS trên 1 vạn dân", "người", "ktxh.bac_si_van_dan"),
    ("Tỷ lệ người dân có hồ sơ theo dõi sức khỏe điện tử cá nhân", "%", "xhs.ho_so_suc_khoe"),
    ("Giá trị sản xuất trên đơn vị diện tích đất trồng trọt", "triệu đồng",
     "ktxh.gia_tri_tren_ha"),
    # (review r2) natural forest or poor households' workers named inside the whole, and a
    # sector named after "Cơ cấu kinh tế:", are the whole's and the sector's share of GRDP
    ("Độ che phủ rừng (bao gồm rừng tự nhiên và rừng trồng)", "%", "ktxh.che_phu_rung"),
    ("Tỷ lệ che phủ rừng (kể cả rừng tự nhiên, rừng trồng)", "%", "ktxh.che_phu_rung"),
    ("Tỷ lệ che phủ rừng (tính cả rừng tự nhiên và rừng trồng)", "%", "ktxh.che_phu_rung"),
    ("Tỷ lệ che phủ rừng tự nhiên và rừng trồng", "%", "ktxh.che_phu_rung"),
    ("Tỷ lệ lao động qua đào tạo (kể cả lao động thuộc hộ nghèo)", "%",
     "ktxh.lao_dong_qua_dao_tao"),
    ("Tỷ lệ lao động qua đào tạo, trong đó lao động thuộc hộ nghèo", "%",
     "ktxh.lao_dong_qua_dao_tao"),
    ("Cơ cấu kinh tế: Công nghiệp chế biến, chế tạo", "%", "ktxh.ty_trong_cn_che_bien"),
    # letter shapes OCR reads for others ("ir" for "ư", "rn" for "m", "mg" for "ng")
    ("Tỷ lệ che phủ cùa rirng toàn huyện", "%", "ktxh.che_phu_rung"),
    ("Tỷ lệ chất thải rắn sinh hoạt được thu gorn, xử lý đúng quy định", "%",
     "ktxh.chat_thai_ran"),
    ("Tỷ lệ lao động qua đào tạo có chứmg chỉ", "%", "ktxh.lao_dong_bang_cap"),
]

# Near misses: each differs from a catalog phrasing in what it counts, whom it counts, an
# added condition or its unit. None may link to `forbidden`.
NEAR_MISSES = [
    # additions are no stock, a stock so far no additions (the year's new villages, accounts,
    # firms, products, cameras), nor a sum of additions over a period
    ("Số thôn đạt chuẩn nông thôn mới kiểu mẫu được công nhận thêm trong năm 2026", "thôn",
     "ntm.thon_kieu_mau"),
    ("Số tài khoản định danh điện tử đã kích hoạt tính đến nay", "tài khoản",
     "da06.so_tai_khoan_kich_hoat"),
    ("Tổng số doanh nghiệp hiện có", "doanh nghiệp", "ktxh.doanh_nghiep_moi"),
    ("Số sản phẩm OCOP lũy kế", "sản phẩm", "ktxh.ocop_moi"),
    ("Số camera an ninh được lắp mới trong năm", "camera", "qpan.so_camera_ket_noi"),
    ("Số người tham gia BHXH tự nguyện tăng thêm", "người", "ktxh.nguoi_bhxh_tu_nguyen"),
    ("Số hộ kinh doanh sử dụng hóa đơn điện tử tăng thêm", "hộ",
     "kts.so_ho_kd_hoa_don_dien_tu"),
    ("Số sản phẩm OCOP được công nhận mới lũy kế giai đoạn 2021-2025", "sản phẩm",
     "ktxh.ocop_moi"),
    # natural forest, people of poor households, the economy's structure are parts or others
    ("Tỷ lệ che phủ của rừng tự nhiên", "%", "ktxh.che_phu_rung"),
    ("Tỷ lệ người thuộc hộ nghèo, hộ cận nghèo tham gia bảo hiểm y tế", "%", "ktxh.bhyt"),
    ("Tỷ lệ lao động thuộc hộ cận nghèo có việc làm qua đào tạo", "%",
     "ktxh.lao_dong_qua_dao_tao"),
    ("Cơ cấu ngành nông nghiệp", "%", "ktxh.lao_dong_nong_nghiep"),
    # the HDI's health index is one of its components, and no health record
    ("Chỉ số sức khỏe trong HDI", "chỉ số", "ktxh.hdi"),
    ("Chỉ số sức khỏe", "chỉ số", "xhs.ho_so_suc_khoe"),
    # a sum over a period is no yearly figure (two years printed together are a period); a
    # count per a size of population no phrase reads is no plain count; per head, or the
    # population's, a growth is no growth of the economy; having digital skills is no skill in
    # e-wallets
    ("Tổng thu ngân sách nhà nước trên địa bàn giai đoạn 2026 - 2030", "tỷ đồng",
     "ktxh.thu_ngan_sach"),
    ("Tổng thu ngân sách 5 năm", "tỷ đồng", "ktxh.thu_ngan_sach"),
    ("Tổng thu ngân sách các năm 2021 - 2025", "tỷ đồng", "ktxh.thu_ngan_sach"),
    ("Số hộ nghèo được hỗ trợ xây dựng nhà ở (2021-2025)", "hộ", "ktxh.ho_ngheo_ho_tro_nha_o"),
    ("Số doanh nghiệp thành lập mới trên 2.000 người dân", "doanh nghiệp",
     "ktxh.doanh_nghiep_moi"),
    ("Tổng sản phẩm bình quân đầu người tăng", "%", "ktxh.tang_truong_kinh_te"),
    # a sector's product growing is no growth of the whole economy (review r2 B 3)
    ("Tổng sản phẩm công nghiệp trên địa bàn tăng", "%", "ktxh.tang_truong_kinh_te"),
    ("Tổng sản phẩm dịch vụ bình quân tăng", "%", "ktxh.tang_truong_kinh_te"),
    ("Tổng sản phẩm xây dựng năm 2026 tăng", "%", "ktxh.tang_truong_kinh_te"),
    ("Tổng sản phẩm lâm nghiệp bình quân mỗi năm tăng", "%", "ktxh.tang_truong_kinh_te"),
    ("Tổng sản phẩm thủy sản trên địa bàn tăng", "%", "ktxh.tang_truong_kinh_te"),
    ("GRDP lâm nghiệp tăng", "%", "ktxh.tang_truong_kinh_te"),
    ("Tốc độ tăng dân số bình quân", "%", "ktxh.tang_truong_kinh_te"),
    ("Tỷ lệ lao động trong độ tuổi có kỹ năng số", "%", "xhs.lao_dong_vi_dien_tu"),
    # the young are a part of the workers; retraining is no share trained; an index's
    # component is not the index
    ("Tỷ lệ thất nghiệp thanh niên khu vực thành thị", "%", "ktxh.that_nghiep_thanh_thi"),
    ("Tỷ lệ lao động được đào tạo lại", "%", "ktxh.lao_dong_qua_dao_tao"),
    ("Chỉ số thu nhập đóng góp vào HDI của tỉnh", "chỉ số", "ktxh.hdi"),
    # (review) land and green space per head are no housing floor area per head; public
    # investment in % is no growth of the whole society's investment
    ("Diện tích đất ở bình quân đầu người", "m2", "ktxh.nha_o_binh_quan"),
    ("Diện tích cây xanh bình quân đầu người", "m2", "ktxh.nha_o_binh_quan"),
    ("Vốn đầu tư công", "%", "ktxh.von_dau_tu_toan_xa_hoi"),
    # a province's digital transformation index (score or rank) is not a commune's; a value in
    # points is no HDI (0 to 1); hospitals alone are a part of the health facilities; a count
    # "tăng thêm" is its growth; a school standard of level II is not the national standard
    ("Chỉ số chuyển đổi số của tỉnh", "điểm", "cqs.dti_chi_so"),
    ("Thứ hạng DTI tỉnh", "thứ hạng", "cqs.dti_xep_hang"),
    # … with the index abbreviated "CĐS", and of a centrally-run city (a province's level)
    ("Chỉ số CĐS của tỉnh", "điểm", "cqs.dti_chi_so"),
    ("Thứ hạng Chỉ số CĐS của tỉnh", "thứ hạng", "cqs.dti_xep_hang"),
    ("Chỉ số chuyển đổi số (DTI) của Thành phố", "điểm", "cqs.dti_chi_so"),
    ("Chỉ số chuyển đổi số (DTI) cấp thành phố", "điểm", "cqs.dti_chi_so"),
    ("Xếp hạng DTI của thành phố", "hạng", "cqs.dti_xep_hang"),
    ("Chỉ số phát triển con người", "điểm", "ktxh.hdi"),
    ("Tỷ lệ bệnh viện kết nối liên thông dữ liệu khám chữa bệnh", "%",
     "xhs.co_so_y_te_lien_thong"),
    # health facilities (hospitals named among them, or listed with the health posts) are not
    # the commune's health posts
    ("Tỷ lệ trạm y tế, bệnh viện triển khai bệnh án điện tử", "%",
     "xhs.tram_y_te_benh_an_dien_tu"),
    ("Tỷ lệ cơ sở y tế (bệnh viện, trạm y tế) triển khai bệnh án điện tử", "%",
     "xhs.tram_y_te_benh_an_dien_tu"),
    ("Số lượt người tham gia bảo hiểm xã hội tự nguyện tăng thêm", "người",
     "ktxh.luot_bhxh_tu_nguyen"),
    ("Tỷ lệ trường đạt chuẩn quốc gia mức độ II", "%", "ktxh.truong_chuan_quoc_gia"),
    # the digital and the green economy together are no share of the digital economy alone
    ("Tỷ trọng kinh tế số, kinh tế xanh trong GRDP", "%", "kts.ty_trong_kinh_te_so"),
    # the gross output printed in % is its growth, no share of high-tech exports (words alike)
    ("Tổng giá trị sản xuất", "%", "ktxh.xuat_khau_cong_nghe_cao"),
    # pharmacists and assistant doctors per 10,000 people are not the doctors
    ("Số dược sĩ trên 1 vạn dân", "người", "ktxh.bac_si_van_dan"),
    ("Số y sĩ trên 1 vạn dân", "người", "ktxh.bac_si_van_dan"),
    # pupils of one level are not all the pupils
    ("Tỷ lệ học sinh trung học phổ thông được cấp học bạ số", "%", "xhs.hoc_sinh_hoc_ba_so"),
    ("Tỷ lệ học sinh tiểu học được học kỹ năng số", "%", "xhs.hoc_sinh_ky_nang_so"),
    # the employed are not the informal sector's workers (the same words in another order);
    # mastering a piece of software is not mastering the digital skills
    ("Tỷ lệ lao động có việc làm", "%", "ktxh.lao_dong_phi_chinh_thuc"),
    ("Tỷ lệ cán bộ, công chức sử dụng thành thạo phần mềm quản lý văn bản", "%",
     "nls.cbcc_thanh_thao_ky_nang_so"),
    # parts a plan may target apart: women, hospitals, industrial waste, high-quality rice,
    # the non-farm sector, apologies for late dossiers
    ("Tỷ lệ phụ nữ tham gia bảo hiểm y tế", "%", "ktxh.bhyt"),
    ("Tỷ lệ lao động nữ qua đào tạo", "%", "ktxh.lao_dong_qua_dao_tao"),
    ("Tỷ lệ bệnh viện triển khai bệnh án điện tử", "%", "xhs.tram_y_te_benh_an_dien_tu"),
    ("Tỷ lệ chất thải rắn công nghiệp được xử lý", "%", "ktxh.chat_thai_ran"),
    ("Diện tích lúa", "ha", "ktxh.lua_chat_luong_cao"),
    ("Tỷ lệ lao động có việc làm phi nông nghiệp", "%", "ktxh.lao_dong_nong_nghiep"),
    ("Tỷ lệ hồ sơ giải quyết quá hạn được xin lỗi", "%", "cqs.ho_so_qua_han"),
    # land dossiers are a part of the dossiers; the digital economy named alone is a heading
    ("Thời gian trung bình giải quyết hồ sơ TTHC lĩnh vực đất đai", "ngày",
     "cchc.thoi_gian_giai_quyet_ho_so"),
    ("Kinh tế số", "%", "kts.ty_trong_kinh_te_so"),
    # the households that left poverty are not the poor households
    ("Số hộ thoát nghèo trong năm", "hộ", "ktxh.so_ho_ngheo"),
    # unemployment insurance is not the social insurance; grain output is no sown area
    ("Tỷ lệ lực lượng lao động tham gia bảo hiểm thất nghiệp", "%", "ktxh.bhxh"),
    ("Tổng sản lượng lương thực", "tấn", "ktxh.dien_tich_gieo_trong"),
    # meetings held are not those held online; the population's growth is neither the
    # prices' nor the productivity's; income per head is not the product per head
    ("Số cuộc họp Ban chỉ đạo chuyển đổi số đã tổ chức", "cuộc", "cqs.so_cuoc_hop_truc_tuyen"),
    ("Tốc độ tăng dân số bình quân", "%", "ktxh.cpi"),
    ("Tốc độ tăng dân số bình quân", "%", "ktxh.tang_nang_suat_lao_dong"),
    ("Thu nhập bình quân đầu người", "triệu đồng", "ktxh.grdp_binh_quan_dau_nguoi"),
    # industrial clusters are not the zones; a heading naming two pillars is no indicator
    ("Tỷ lệ cụm công nghiệp có hệ thống xử lý nước thải tập trung", "%",
     "ktxh.kcn_xu_ly_nuoc_thai"),
    ("Kinh tế số và xã hội số", None, "kts.ty_trong_kinh_te_so"),
    # another sector's share of GRDP; the general schools are not all the schools
    ("Tỷ trọng kinh tế biển trong GRDP", "%", "kts.ty_trong_kinh_te_so"),
    # a paper sent on the exchange axis is sent online, not only signed
    ("Văn bản đi được ký số, gửi qua trục liên thông quốc gia (tỷ lệ)", "%", "cqs.van_ban_ky_so"),
    ("Tỷ lệ trường phổ thông đạt chuẩn quốc gia", "%", "ktxh.truong_chuan_quoc_gia"),
    # the NTM standard is not its advanced or modern level, nor the cultural commune's title;
    # dossiers sent by post are not online ones; a heading naming only "khu vực thành thị"
    ("Tỷ lệ số xã đạt chuẩn nông thôn mới nâng cao", "%", "ntm.xa_dat_chuan"),
    ("Tỷ lệ xã đạt chuẩn nông thôn mới hiện đại", "%", "ntm.xa_dat_chuan"),
    ("Tỷ lệ xã đạt chuẩn xã văn hóa nông thôn mới", "%", "ntm.xa_dat_chuan"),
    ("Tỷ lệ hồ sơ TTHC gửi qua bưu chính công ích", "%", "cqs.ho_so_truc_tuyen"),
    ("Khu vực thành thị", "%", "ktxh.that_nghiep_thanh_thi"),
    # a sector's output growth is not the total's; forest with scattered trees is more than
    # the forest; crop land with aquaculture is more than crop land
    ("Tốc độ tăng giá trị sản xuất thương mại, dịch vụ", "%",
     "ktxh.tang_truong_gia_tri_san_xuat"),
    ("Tốc độ tăng giá trị sản xuất công nghiệp - xây dựng", "%",
     "ktxh.tang_truong_gia_tri_san_xuat"),
    ("Tỷ lệ che phủ rừng và cây phân tán", "%", "ktxh.che_phu_rung"),
    ("Giá trị sản xuất trên một ha đất trồng trọt và nuôi trồng thủy sản", "triệu đồng",
     "ktxh.gia_tri_tren_ha"),
    # school fees paid without cash are not the combined school indicator (digital records,
    # marks and cashless fees); a hospital's cashless payments are not all; output at constant
    # prices is not output at current prices; the compulsory scheme is a part of BHXH
    ("Tỷ lệ trường thu học phí không dùng tiền mặt", "%", "xhs.truong_so_diem_hoc_ba_kdtm"),
    ("Tỷ lệ bệnh viện thanh toán không dùng tiền mặt", "%", "kts.giao_dich_kdtm"),
    ("Giá trị sản xuất theo giá so sánh", "tỷ đồng", "ktxh.tong_gia_tri_san_xuat"),
    ("Tỷ lệ lao động tham gia bảo hiểm xã hội bắt buộc", "%", "ktxh.bhxh"),
    # using the identity app is neither having an account nor using it for procedures
    ("Tỷ lệ người dân sử dụng ứng dụng định danh điện tử", "%", "da06.tai_khoan_dinh_danh_muc2"),
    ("Tỷ lệ công dân sử dụng VNeID", "%", "da06.vneid_thuc_hien_tthc"),
    # trained labour holding a diploma is a statistic of its own
    ("Tỷ lệ lao động đã qua đào tạo có văn bằng", "%", "ktxh.lao_dong_qua_dao_tao"),
    # social insurance (voluntary or not) is no health insurance, nor unemployment insurance
    ("Tỷ lệ người dân tham gia bảo hiểm xã hội tự nguyện", "%", "ktxh.bhyt"),
    ("Tỷ lệ dân số tham gia BHXH", "%", "ktxh.bhyt"),
    ("Tỷ lệ lực lượng lao động tham gia bảo hiểm thất nghiệp", "%", "ktxh.bhxh"),
    ("Tỷ lệ lực lượng lao động tham gia bảo hiểm xã hội tự nguyện", "%", "ktxh.bhxh"),
    # referred to a job is not a new job; cashless at the markets is not all cashless
    ("Số người lao động được giới thiệu việc làm", "người", "ktxh.viec_lam_moi"),
    ("Tỷ lệ thanh toán không dùng tiền mặt tại các chợ", "%", "kts.giao_dich_kdtm"),
    # dossiers found valid are not results issued electronically
    ("Tỷ lệ hồ sơ hợp lệ, kết quả giải quyết TTHC", "%", "cqs.cap_ket_qua_dien_tu"),
    # a count per head of population, urban waste only, stunting only, communes not villages
    ("Số thành viên Tổ công nghệ số cộng đồng trên 100 dân", "người", "nls.to_cnscd_tap_huan"),
    ("Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý", "%", "ktxh.chat_thai_ran"),
    ("Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng", "%", "ktxh.suy_dinh_duong"),
    ("Tỷ lệ số xã đạt chuẩn nông thôn mới nâng cao", "%", "ntm.thon_nang_cao"),
    # output per head is not income per head
    ("GRDP bình quân đầu người", "triệu đồng", "ktxh.thu_nhap_binh_quan"),
    # dossiers are not procedures (and the other way round)
    ("Tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình", "%", "cqs.dvctt_toan_trinh"),
    ("Tỷ lệ thủ tục hành chính được giải quyết trực tuyến toàn trình", "%",
     "cqs.ho_so_truc_tuyen_toan_trinh"),
    # officials are not officials and public employees
    ("Tỷ lệ cán bộ, công chức được đào tạo kỹ năng số cơ bản", "%",
     "nls.cbccvc_ky_nang_so_co_ban"),
    ("Tỷ lệ cán bộ, công chức, viên chức được bồi dưỡng kỹ năng số cơ bản", "%",
     "nls.cbcc_ky_nang_so_co_ban"),
    # an added condition: "và ký số", "toàn trình", "≥ 1 Gb/s", "5G", "đúng hạn"
    ("Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng và ký số", "%",
     "cqs.ho_so_cong_viec_dien_tu"),
    ("Tỷ lệ văn bản đi được ký số và gửi trên môi trường điện tử", "%", "cqs.van_ban_ky_so"),
    ("Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến", "%",
     "cqs.ho_so_truc_tuyen_toan_trinh"),
    ("Tỷ lệ người dân có khả năng tiếp cận Internet băng rộng cố định", "%",
     "hts.bang_rong_1gbps"),
    ("Tỷ lệ thôn được phủ sóng di động 5G", "%", "hts.thon_4g"),
    ("Tỷ lệ hồ sơ thủ tục hành chính giải quyết quá hạn", "%", "cqs.ho_so_dung_han"),
    # another population: households, the elderly, near-poor households
    ("Tỷ lệ hộ gia đình có tài khoản thanh toán điện tử", "%", "xhs.tai_khoan_thanh_toan"),
    ("Tỷ lệ người cao tuổi có tài khoản định danh điện tử mức 2", "%",
     "da06.tai_khoan_dinh_danh_muc2"),
    ("Tỷ lệ hộ cận nghèo", "%", "ktxh.ho_ngheo"),
    # another unit family: a count is not a share, a share of dossiers not of people
    ("Số hộ nghèo", "hộ", "ktxh.ho_ngheo"),
    ("Tỷ lệ hộ nghèo đa chiều", "điểm %", "ktxh.ho_ngheo"),
    ("Số lớp tập huấn kỹ năng số cho người dân", "lớp", "xhs.luot_tap_huan_ky_nang_so"),
    ("Tỷ lệ giao dịch không dùng tiền mặt tại chợ năm 2026 so với năm 2025", "%",
     "kts.giao_dich_kdtm"),
    ("Tỷ lệ hộ nghèo được hỗ trợ nhà ở", "%", "ktxh.ho_ngheo"),
    ("Tỷ lệ dịch vụ công trực tuyến mức 2 được nâng lên toàn trình", "%",
     "cqs.dvctt_toan_trinh"),
    # a network that reaches households or communes is coverage, not households with a line
    ("Tỷ lệ hộ gia đình được phủ mạng cáp quang", "%", "hts.ho_cap_quang"),
    ("Hạ tầng cáp quang phủ đến hộ gia đình", "%", "hts.ho_cap_quang"),
    ("Hạ tầng cáp quang phủ xã, thị trấn", "%", "hts.thon_cap_quang"),
    # what is counted: a smart device, subscriptions, small and medium firms only
    ("Tỷ lệ dân số trưởng thành có điện thoại thông minh", "%", "xhs.chu_ky_so_ca_nhan"),
    ("Tỷ lệ thuê bao di động sử dụng điện thoại thông minh", "%",
     "xhs.ho_dien_thoai_thong_minh"),
    ("Tỷ lệ doanh nghiệp ứng dụng công nghệ số", "%", "kts.dnnvv_cong_nghe_so"),
    # an age band, a standard of level 2, newly recognised schools, the electronic record
    ("Tỷ lệ trẻ em dưới 6 tuổi được tiêm chủng đầy đủ", "%", "ktxh.tiem_chung"),
    ("Số trường đạt chuẩn quốc gia", "trường", "ktxh.truong_chuan_muc_do_2"),
    ("Số trường đạt chuẩn quốc gia", "trường", "ktxh.truong_chuan_moi"),
    ("Tỷ lệ dân số được quản lý hồ sơ sức khỏe", "%", "xhs.ho_so_suc_khoe"),
    # skills held are neither skills taught nor skills mastered
    ("Tỷ lệ cán bộ, công chức, viên chức có kỹ năng số", "%", "nls.cbccvc_ky_nang_so_co_ban"),
    ("Tỷ lệ cán bộ, công chức, viên chức có kỹ năng số", "%",
     "nls.cbccvc_lam_chu_ky_nang_so"),
    # schools of one level are not all schools; poor and near-poor households together are
    # not poor households; a village with a cultural house is not a village with the title
    ("Tỷ lệ trường tiểu học đạt chuẩn quốc gia", "%", "ktxh.truong_chuan_quoc_gia"),
    ("Tỷ lệ trường THCS đạt chuẩn quốc gia", "%", "ktxh.truong_chuan_quoc_gia"),
    ("Tỷ lệ hộ nghèo và hộ cận nghèo", "%", "ktxh.ho_ngheo"),
    ("Tỷ lệ thôn có nhà văn hóa", "%", "ktxh.thon_van_hoa"),
    ("Tỷ lệ thôn đạt danh hiệu văn hóa", "%", "ktxh.thon_nha_van_hoa"),
    # a share within e-commerce, a growth rate, people who pay (not payments) are not the
    # share of cashless payments; residents are not households
    ("Tỷ trọng thanh toán không dùng tiền mặt trong thương mại điện tử", "%",
     "kts.giao_dich_kdtm"),
    ("Tốc độ tăng giao dịch không dùng tiền mặt", "%", "kts.giao_dich_kdtm"),
    ("Tỷ lệ cá nhân sử dụng thanh toán không dùng tiền mặt", "%", "kts.giao_dich_kdtm"),
    ("Tỷ lệ dân cư được sử dụng nước sạch đạt quy chuẩn", "%", "ktxh.nuoc_sach"),
    # fibre reaching schools is coverage; dossiers on the one-stop system are not online ones
    ("Hạ tầng cáp quang phủ trường học", "%", "hts.thon_cap_quang"),
    ("Tỷ lệ hồ sơ TTHC được giải quyết trên hệ thống một cửa điện tử", "%",
     "cqs.ho_so_truc_tuyen"),
    # people killed or hurt are not the accidents they were in
    ("Số người chết vì tai nạn giao thông", "%", "qpan.tai_nan_giao_thong"),
    ("Số người bị thương do tai nạn giao thông", "%", "qpan.tai_nan_giao_thong"),
    # documents exchanged electronically and signed are not documents signed only
    ("Tỷ lệ văn bản trao đổi dưới dạng điện tử có chữ ký số", "%", "cqs.van_ban_ky_so"),
    # what a population does or has ("hộ nghèo sử dụng …", "có nhà ở …") is not the share of
    # that population; digital services are neither online public services nor an internet line
    ("Tỷ lệ hộ nghèo sử dụng dịch vụ số", "%", "ktxh.ho_ngheo"),
    ("Tỷ lệ hộ nghèo có nhà ở kiên cố", "%", "ktxh.ho_ngheo"),
    ("Tỷ lệ hộ nghèo được tiếp cận nước sạch", "%", "ktxh.ho_ngheo"),
    ("Tỷ lệ hộ cận nghèo tham gia bảo hiểm y tế", "%", "ktxh.ho_can_ngheo"),
    ("Tỷ lệ người dân sử dụng dịch vụ số", "%", "cqs.su_dung_dvctt"),
    ("Tỷ lệ người dân tiếp cận dịch vụ số", "%", "hts.bang_rong_co_dinh"),
    # using digital services is not reaching them
    ("Tỷ lệ người dân sử dụng dịch vụ số", "%", "xhs.tiep_can_dich_vu_so"),
    # a fall of the poor households' share is not the share; a minority's share is a part
    ("Tỷ lệ hộ nghèo giảm", "%", "ktxh.ho_ngheo"),
    ("Tỷ lệ hộ nghèo là người dân tộc thiểu số giảm bình quân hằng năm", "%",
     "ktxh.giam_ho_ngheo"),
    # farm products are not OCOP products; services offered on many means of access are
    # not the services offered; income growth is not the income
    ("Số sản phẩm nông sản được đưa lên sàn TMĐT", "sản phẩm", "kts.ocop_tmdt"),
    ("Tỷ lệ DVCTT toàn trình được cung cấp trên nhiều phương tiện truy cập khác nhau", "%",
     "cqs.dvctt_toan_trinh"),
    ("Thu nhập bình quân đầu người tăng", None, "ktxh.thu_nhap_binh_quan"),
    # any cultural house is not one up to the standard
    ("Tỷ lệ thôn, bản có nhà văn hóa", "%", "ktxh.thon_nha_van_hoa"),
    # health services are not online public services; a title held some years running is a
    # part of those holding it; the value added is not the gross output; waste water is not
    # solid waste; firms that tried platforms are not firms that use them
    ("Tỷ lệ người dân hài lòng với dịch vụ y tế", "%", "cqs.hai_long_dvctt"),
    ("Tỷ lệ gia đình đạt danh hiệu gia đình văn hóa 5 năm liên tục", "%",
     "ktxh.gia_dinh_van_hoa"),
    ("Tốc độ tăng giá trị tăng thêm ngành nông nghiệp", "%", "ktxh.tang_gia_tri_nong_nghiep"),
    ("Tỷ lệ nước thải sinh hoạt được thu gom, xử lý", "%", "ktxh.chat_thai_ran"),
    ("Tỷ lệ DNNVV được tiếp cận dùng thử nền tảng số", "%", "kts.dnnvv_cong_nghe_so"),
    # medical waste is not household waste; a dossier signed is not one handled online
    ("Tỷ lệ chất thải y tế được thu gom, xử lý", "%", "ktxh.chat_thai_ran"),
    ("Tỷ lệ hồ sơ TTHC được ký số", "%", "cqs.ho_so_truc_tuyen"),
    # a task pushed forward is not the share it names
    ("Tăng cường chi trả an sinh xã hội không dùng tiền mặt", None, "xhs.chi_tra_asxh_kdtm"),
    # the procedures offered online in part are a part of those offered online
    ("Tỷ lệ thủ tục hành chính được cung cấp trực tuyến một phần", "%", "cqs.tthc_dvctt"),
    ("Tỷ lệ DVCTT một phần", "%", "cqs.tthc_dvctt"),
    # what firms file is a part of what everyone (or the agencies) file
    ("Tỷ lệ hồ sơ TTHC của doanh nghiệp được giải quyết trực tuyến", "%",
     "cqs.ho_so_truc_tuyen"),
    ("Tỷ lệ chế độ báo cáo của các doanh nghiệp thực hiện trên hệ thống thông tin báo cáo", "%",
     "cqs.bao_cao_dien_tu"),
    # a part of what the indicator counts: world-class firms, piped or merely hygienic
    # water, food crops among the annual ones
    ("Số doanh nghiệp công nghệ số trên địa bàn xã", "doanh nghiệp",
     "kts.dn_cong_nghe_so_ngang_tam"),
    # firms of every kind (per 1,000 people) are not the digital technology firms
    ("Số doanh nghiệp", "DN/1.000 dân", "kts.dn_cong_nghe_so_tren_dan"),
    ("Số DN", "DN/1.000 dân", "kts.dn_cong_nghe_so_tren_dan"),
    ("Số doanh nghiệp trên 1.000 dân", "doanh nghiệp", "kts.dn_cong_nghe_so_tren_dan"),
    ("Số doanh nghiệp đang hoạt động trên 1.000 dân", "DN/1000 dân",
     "kts.dn_cong_nghe_so_tren_dan"),
    # the budget spent is not its revenue; waste recycled is not waste collected; supermarkets
    # are no markets; towns with rural settlements are more than the towns; a time cut in % is
    # no share of dossiers
    ("Tổng chi ngân sách địa phương", "tỷ đồng", "ktxh.thu_ngan_sach"),
    ("Tổng chi ngân sách nhà nước cho khoa học, công nghệ và chuyển đổi số", "tỷ đồng",
     "ktxh.thu_ngan_sach"),
    ("Tỷ lệ chất thải rắn sinh hoạt được tái chế", "%", "ktxh.chat_thai_ran"),
    ("Tỷ lệ siêu thị, chợ có thanh toán không dùng tiền mặt", "%", "kts.cho_kdtm"),
    ("Tỷ lệ chất thải rắn sinh hoạt tại đô thị và các khu dân cư tập trung được thu gom", "%",
     "ktxh.chat_thai_do_thi"),
    ("Giảm thời gian xử lý hồ sơ thủ tục hành chính", "%", "cqs.ho_so_truc_tuyen"),
    # a worker's income is not the income per head; a growth is no household group's count
    ("Thu nhập bình quân của người lao động", "triệu đồng/tháng", "ktxh.thu_nhap_binh_quan"),
    ("Tăng giá trị sản xuất nông nghiệp", "%", "kts.ho_sx_ban_nen_tang_so"),
    # people reached (each once) are not visits (a person counted each time), either way;
    # ("lượt" in the name and "người" in the unit are visits: a count of people in visits)
    ("Số người dân được tập huấn kỹ năng số", "người", "xhs.luot_tap_huan_ky_nang_so"),
    ("Số lượt người dân được tập huấn kỹ năng số", "lượt", "xhs.nguoi_tap_huan_ky_nang_so"),
    ("Số người truy cập dữ liệu mở", "người", "cqs.luot_truy_cap_du_lieu_mo"),
    ("Số lượt người tham gia BHXH tự nguyện", "người", "ktxh.nguoi_bhxh_tu_nguyen"),
    ("Số người dân được hướng dẫn cài đặt VNeID", "lượt", "da06.nguoi_huong_dan_vneid"),
    # a count per 1,000 (or 100,000) people is not one per 10,000: another value, unconverted
    ("Số bác sĩ trên 1.000 dân", "bác sĩ", "ktxh.bac_si_van_dan"),
    ("Số bác sĩ", "bác sĩ/1.000 dân", "ktxh.bac_si_van_dan"),
    ("Số giường bệnh/100.000 dân", "giường", "ktxh.giuong_benh_van_dan"),
    ("Số giường bệnh", "giường/1 nghìn dân", "ktxh.giuong_benh_van_dan"),
    ("Số doanh nghiệp công nghệ số trên 1 vạn dân", "doanh nghiệp",
     "kts.dn_cong_nghe_so_tren_dan"),
    ("Số doanh nghiệp công nghệ số", "DN/10.000 dân", "kts.dn_cong_nghe_so_tren_dan"),
    # a number before a size no phrase takes with it is not dropped: per 30,000 or 50,000
    # people is not per 10,000 (the size unread, no link)
    ("Số giường bệnh bệnh viện trên 3 vạn dân", "giường", "ktxh.giuong_benh_van_dan"),
    ("Số giường bệnh", "giường/5 vạn dân", "ktxh.giuong_benh_van_dan"),
    ("Số bác sĩ trên hai vạn dân", "người", "ktxh.bac_si_van_dan"),
    # a value per mille ("‰") is no share in per cent
    ("Tỷ lệ hộ nghèo", "‰", "ktxh.ho_ngheo"),
    ("Tỷ lệ người dân có thẻ bảo hiểm y tế", "‰", "ktxh.bhyt"),
    ("Tỷ lệ hộ dân sử dụng nước máy đạt quy chuẩn", "%", "ktxh.nuoc_sach"),
    ("Tỷ lệ hộ dân được dùng nước sạch, hợp vệ sinh", "%", "ktxh.nuoc_sach"),
    ("Diện tích gieo trồng cây lương thực có hạt", "ha", "ktxh.dien_tich_gieo_trong"),
    # money per hectare is no total ("/ha" in the unit says per_area, as "trên 1 ha" in the
    # name does); a hectare of forest land or of water is not one of crop land
    ("Giá trị sản phẩm thu hoạch", "triệu đồng/ha", "ktxh.tong_gia_tri_san_xuat"),
    ("Tổng giá trị sản xuất", "triệu đồng/1 ha", "ktxh.tong_gia_tri_san_xuat"),
    ("Giá trị sản xuất trên 1 ha đất lâm nghiệp", "triệu đồng/ha", "ktxh.gia_tri_tren_ha"),
    ("Giá trị thu được trên 1 ha đất rừng sản xuất", "triệu đồng", "ktxh.gia_tri_tren_ha"),
    ("Giá trị sản xuất trên 1 ha mặt nước nuôi trồng thủy sản", "triệu đồng/ha",
     "ktxh.gia_tri_tren_ha"),
    # a list of two kinds of place counts neither alone
    ("Tỷ lệ thôn, trường học đạt tiêu chuẩn an toàn về ANTT", "%", "qpan.tdp_an_toan_antt"),
    # a fall to a level prints that level, not the fall
    ("Giảm tỷ lệ hộ nghèo xuống còn dưới 2%", "%", "ktxh.giam_ho_ngheo"),
]

# Near misses the constraints let through, that the word weights keep apart: the few words
# that differ are rare in the catalog ("hợp đồng" and "hóa đơn").
SCORED_NEAR_MISSES = [
    ("Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử", "%", "kts.dn_hoa_don_dien_tu"),
    ("Tỷ lệ hộ kinh doanh nộp thuế điện tử", "%", "kts.ho_kd_hoa_don_dien_tu"),
    ("Tỷ lệ thôn có loa truyền thanh thông minh", "%", "hts.loa_hoat_dong"),
]

UNKNOWN = [
    ("Diện tích", "ha"), ("Sản lượng", "tấn"), ("Tỷ lệ A", "%"),
    ("Tổ chức Đại hội Thể dục thể thao xã", None), ("Hệ thống họp trực tuyến của xã", None),
    # names of the CCHC domain that no indicator of it counts (the domain dropped leaves
    # little: nothing to link)
    ("Chỉ số CCHC của xã", "điểm"), ("Số mô hình CCHC", "mô hình"),
    ("Xếp hạng chỉ số CCHC", "thứ hạng"),
    # a commune's product (value added) is not its gross output ("giá trị sản xuất")
    ("Tổng giá trị sản phẩm trên địa bàn theo giá so sánh", "tỷ đồng"),
]


SAME_READING = [
    # a number grouped in thousands is one number; insurance printed in two pieces
    ("Số giường bệnh/10.000 dân", "Số giường bệnh trên 10000 dân"),
    ("Tỷ lệ dân số tham gia BH YT", "Tỷ lệ dân số tham gia bảo hiểm y tế"),
    # the names of one thing that plans use, read as one (match_words.yaml synonyms)
    ("Tỷ lệ thôn được phủ sóng di động 4G", "Tỷ lệ thôn có sóng di động 4G"),
    ("Tỷ lệ thôn có mạng di động 4G", "Tỷ lệ thôn có sóng di động 4G"),
    ("Tuyển chọn và gọi công dân nhập ngũ", "Tuyển quân"),
    ("Tỷ lệ hoàn thành chỉ tiêu giao quân", "Tỷ lệ tuyển quân"),
    ("Tỷ lệ văn bản được xử lý trên môi trường mạng",
     "Tỷ lệ văn bản được xử lý trên môi trường điện tử"),
    ("Tỷ lệ trẻ em < 5 tuổi được TCĐĐ", "Tỷ lệ TE dưới 5 tuổi được tiêm chủng đầy đủ"),
    # the level of government a thing is done at is its frame
    ("Tỷ lệ hồ sơ công việc cấp xã được xử lý trên môi trường mạng",
     "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng"),
]


@pytest.mark.parametrize(("one", "other"), SAME_READING)
def test_names_of_one_thing_read_alike(one, other) -> None:
    from chitieu.catalog.words import read

    assert read(one).content == read(other).content
    assert read(one).conditions == read(other).conditions


def test_a_condition_brings_the_ones_it_implies() -> None:
    """Data used again ("tái sử dụng") is data already digitised: the name carries both
    conditions, as the catalog's phrasings of that indicator do."""
    from chitieu.catalog.words import read

    assert read("Tỷ lệ tái sử dụng dữ liệu").conditions == {"reused", "digitised", "signed"}
    assert read("Tỷ lệ dữ liệu được số hóa").conditions == {"digitised", "signed"}
    # a paper digitised is signed: saying so adds nothing; nor of a procedure's result, which
    # is issued signed (void_conditions); a dossier or a document signed stays apart
    assert read("Tỷ lệ hồ sơ được số hóa, ký số").conditions == {"digitised", "signed"}
    assert read("Tỷ lệ kết quả giải quyết TTHC được ký số").conditions == frozenset()
    assert read("Tỷ lệ hồ sơ TTHC được ký số").conditions == {"signed"}
    assert read("Tỷ lệ văn bản đi được ký số").conditions == {"signed"}


def test_a_share_of_grdp_holds_no_value_added_condition() -> None:
    """GRDP is a value added: "giá trị tăng thêm" in a share of it adds nothing, while a
    growth of the value added is not one of the gross output."""
    from chitieu.catalog.words import read

    assert "value_added" not in read(
        "Tỷ trọng giá trị tăng thêm của công nghiệp trong GRDP").conditions
    assert "value_added" in read("Tốc độ tăng giá trị gia tăng ngành nông nghiệp").conditions
    # "dùng thử" folds as "đúng thủ (tục)": only trying a platform is a trial
    assert "trial" not in read("Tỷ lệ thủ tục đúng thủ tục hành chính").conditions


def test_years_running_is_a_condition_continuously_is_not() -> None:
    """"3 năm liên tục" narrows a title to those holding it years running; "cập nhật liên
    tục" (continuously) narrows nothing."""
    from chitieu.catalog.words import read

    assert "consecutive" in read("Tỷ lệ gia đình văn hóa 3 năm liên tục").conditions
    assert "consecutive" not in read("Tỷ lệ dữ liệu được cập nhật liên tục").conditions


def test_a_name_opening_with_a_task_verb_reads_as_a_task() -> None:
    """"Đẩy mạnh …", "Tăng cường …" open a plan's task (match_words.yaml
    opening_conditions); the same words later in a name, or other verbs, do not."""
    from chitieu.catalog.words import read

    assert "task" in read("Đẩy mạnh thanh toán không dùng tiền mặt").conditions
    assert "task" not in read("Tỷ lệ thanh toán không dùng tiền mặt").conditions
    assert "task" not in read("Tổ chức 10 lớp tập huấn kỹ năng số").conditions
    # "TE" is read as children only before an age band: "y tế dưới" stays health
    assert read("Số trạm y tế dưới chuẩn").words[:4] == ("so", "tram", "y", "te")


def test_a_place_listed_after_the_object_makes_a_pair() -> None:
    """"thôn, trường học" counts villages and schools together; only the listed places of
    match_words.yaml are read so ("dân số trưởng thành" stays people, "hồ sơ thanh toán"
    dossiers)."""
    from chitieu.catalog.words import read

    assert read("Tỷ lệ thôn, trường học có wifi").object == "villages+schools"
    assert read("Tỷ lệ thôn, trạm y tế có cáp quang").object == "villages+health_posts"
    assert read("Tỷ lệ dân số trưởng thành có chữ ký số").object == "people"
    assert read("Tỷ lệ hồ sơ thanh toán trực tuyến").object == "dossier"
    assert read("Tỷ lệ trường học có Wi-Fi").object == "schools"


def test_a_name_with_no_unit_nor_number_opening_with_a_verb_is_a_task() -> None:
    """A verb that also opens counts ("Tổ chức 20 lớp …", "Xây dựng trường đạt chuẩn …" with
    its unit) opens a task when the name prints no unit and no number: it links to nothing."""
    catalog = default_catalog()
    assert catalog.match("Xây dựng trường đạt chuẩn quốc gia", None) is None
    assert catalog.match("Xây dựng trường đạt chuẩn quốc gia", "trường").id == \
        "ktxh.truong_chuan_moi"
    assert catalog.match("Triển khai chi trả an sinh xã hội không dùng tiền mặt", None) is None
    assert catalog.match("Hướng dẫn người dân sử dụng dịch vụ công trực tuyến", None) is None
    assert catalog.match("Tổ chức 20 lớp tập huấn kỹ năng số cho người dân", None).id == \
        "xhs.lop_ky_nang_so"


def test_what_is_said_of_the_object_and_what_a_verb_acts_on() -> None:
    """A bare population ("Tỷ lệ hộ nghèo", with a qualifier "theo …") against one that
    does or has something; the object of the verb where plans name services alike."""
    from chitieu.catalog.words import read

    assert read("Tỷ lệ hộ nghèo").said == "bare"
    assert read("Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều").said == "bare"
    assert read("Tỷ lệ hộ nghèo có nhà ở kiên cố").said == "predicated"
    assert read("Tỷ lệ lao động qua đào tạo").said is None  # neither: no constraint
    assert read("Tỷ lệ người dân sử dụng dịch vụ số").used == "use digital_services"
    assert read("Tỷ lệ người dân sử dụng DVCTT").used == "use public_services"
    # reaching a service is not using it
    assert read("Tỷ lệ người dân có khả năng tiếp cận Internet").used == "access internet"
    assert read("Tỷ lệ người dân tiếp cận dịch vụ số").used == "access digital_services"
    # a fall is said of the poor households; the level it falls to is the share itself
    assert read("Tỷ lệ hộ nghèo giảm").said == "predicated"
    assert read("Tỷ lệ hộ nghèo giảm còn").said == "bare"


@pytest.mark.parametrize(("name", "unit", "expected"), MATCH)
def test_real_phrasings_link_to_their_indicator(name, unit, expected) -> None:
    found = default_catalog().match(name, unit)
    assert found is not None and found.id == expected, (name, found)
    assert 0 < found.score <= 1


@pytest.mark.parametrize(("name", "unit", "forbidden"), NEAR_MISSES)
def test_near_misses_do_not_link(name, unit, forbidden) -> None:
    found = default_catalog().match(name, unit)
    assert found is None or found.id != forbidden, (name, found)
    ranked = dict(default_catalog().rank(name, unit))
    assert forbidden not in ranked  # refused by a hard constraint, not by a low score


@pytest.mark.parametrize(("name", "unit", "forbidden"), SCORED_NEAR_MISSES)
def test_near_misses_kept_apart_by_their_rare_words(name, unit, forbidden) -> None:
    found = default_catalog().match(name, unit)
    assert found is not None and found.id != forbidden, (name, found)


@pytest.mark.parametrize(("name", "unit"), UNKNOWN)
def test_names_outside_the_catalog_stay_unlinked(name, unit) -> None:
    assert default_catalog().match(name, unit) is None


def _record(kind: str, name: str, unit: str | None = "%") -> Record:
    target = Target(op=">=", value=80, unit=unit, raw="≥80%") if unit else None
    return Record(key="1", kind=kind, name=name, target=target)


def test_linking_sets_indicator_or_warns_and_never_links_a_task() -> None:
    linked = _record("indicator", "Tỷ lệ hồ sơ TTHC xử lý trực tuyến")
    unmatched = _record("indicator", "Tỷ lệ A")
    task = _record("task", "Tỷ lệ hồ sơ TTHC xử lý trực tuyến", None)
    link_records([linked, unmatched, task])
    assert linked.indicator is not None and linked.indicator.id == "cqs.ho_so_truc_tuyen"
    assert linked.warnings == []
    assert unmatched.indicator is None and unmatched.warnings == [UNMATCHED]
    assert task.indicator is None and task.warnings == []
    link_records([unmatched])  # linking twice does not repeat the warning
    assert unmatched.warnings == [UNMATCHED]


def test_a_unit_per_a_population_or_an_area_is_its_numerator_with_a_condition() -> None:
    from chitieu.catalog.words import read, unit_conditions, unit_family

    name = read("Giá trị sản xuất")
    for unit, family, condition in (("triệu đồng/ha", "money", "per_area"),
                                    ("tỷ đồng/1 ha", "money", "per_area"),
                                    ("DN/1.000 dân", "count:firms", "per_1000_people"),
                                    ("bác sĩ trên 1 vạn dân", "count:persons",
                                     "per_10000_people"),
                                    ("bác sĩ/10.000 dân", "count:persons", "per_10000_people"),
                                    ("bác sĩ/10 nghìn dân", "count:persons",
                                     "per_10000_people"),
                                    ("người/100.000 dân", "count:persons",
                                     "per_100000_people")):
        assert unit_family(unit) == family, unit
        assert condition in unit_conditions(name, unit).conditions, unit
    # a slash that is no "per" ("tin/bài", "thôn/tổ dân phố") says no condition
    assert unit_conditions(name, "thôn/tổ dân phố").conditions == name.conditions
    assert unit_family("triệu đồng") == "money"


def test_visits_are_counted_apart_from_persons() -> None:
    """A count in visits ("lượt", "lượt người") counts a person each time; one in persons
    ("người") once: two families, and the unit says the condition visits as "lượt" in the name
    does."""
    from chitieu.catalog.words import read, unit_conditions, unit_family

    assert unit_family("lượt") == unit_family("lượt người") == "count:visits"
    assert unit_family("người") == "count:persons"
    name = read("Số người dân được tập huấn kỹ năng số")
    assert "visits" not in name.conditions
    assert "visits" in unit_conditions(name, "lượt người").conditions
    assert "visits" in read("Số lượt người dân được tập huấn kỹ năng số").conditions


def test_a_denominator_reads_the_same_in_a_name_and_in_a_unit() -> None:
    # every size of population a unit's denominator says, a name's "trên …" says too (a name
    # "trên nghìn dân" said none while the unit "DN/nghìn dân" said per 1,000)
    from chitieu.catalog.words import default_words, read, unit_conditions

    words = default_words()
    sized = {c: ds for c, ds in words_data()["unit_denominators"].items() if c.startswith("per_")
             and c.endswith("_people")}
    assert sized
    for condition, denominators in sized.items():
        # ("người" alone is read in a unit only: "trên 1.000 người" in a name may be more
        # than 1,000 people)
        for denominator in (d for d in denominators if not d.endswith(" nguoi")):
            in_name = read(f"Số bác sĩ trên {denominator}", words).conditions
            in_unit = unit_conditions(read("Số bác sĩ", words), f"bác sĩ/{denominator}",
                                      words).conditions
            assert condition in in_name and condition in in_unit, denominator


def test_a_number_before_a_denominator_is_read_with_it_or_its_size_is_unread() -> None:
    # "trên 20 vạn dân" is per 200,000 people: neither per 10,000 ("vạn dân", the number
    # dropped) nor no condition at all; "1 vạn dân" is "vạn dân"
    from chitieu.catalog.words import read, unit_conditions

    unread = words_data()["denominator_size_unread"]
    for name, unit in (("Số y sĩ trên 20 vạn dân", None), ("Số y sĩ", "người/4 vạn dân"),
                       ("Số y sĩ trên ba vạn dân", None), ("Số y sĩ", "người/ 20 nghìn dân")):
        conditions = unit_conditions(read(name), unit).conditions
        assert unread in conditions and "per_10000_people" not in conditions, (name, unit)
    for name, unit in (("Số y sĩ trên 1 vạn dân", None), ("Số y sĩ", "người/1 vạn dân"),
                       ("Số y sĩ trên 10 nghìn dân", None), ("Số y sĩ", "người/10 nghìn dân")):
        conditions = unit_conditions(read(name), unit).conditions
        assert "per_10000_people" in conditions and unread not in conditions, (name, unit)


def test_a_bare_denominator_after_a_number_leaves_the_size_unread() -> None:
    # "trên 3.000 dân" (no listed size) is a count per 3,000 people, not a plain count; a
    # listed size keeps its own condition ("10 000 dân" grouped by a space, "1.000 người dân");
    # a number before "dân tộc", "dân số" reads no denominator
    from chitieu.catalog.words import read

    unread = words_data()["denominator_size_unread"]
    for name in ("Số bác sĩ trên 3.000 dân", "Số hộ kinh doanh trên 500 người dân",
                 "Số bác sĩ trên 5 ngàn dân"):
        assert unread in read(name).conditions, name
    for name, size in (("Số bác sĩ trên 10 000 dân", "per_10000_people"),
                       ("Số bác sĩ trên 1.000 người dân", "per_1000_people")):
        conditions = read(name).conditions
        assert size in conditions and unread not in conditions, name
    for name in ("Số xã có 3 dân tộc cùng sinh sống", "Phấn đấu trên 50% dân số có bảo hiểm y tế"):
        assert unread not in read(name).conditions, name


def test_an_amount_over_a_period_is_its_total_and_no_yearly_figure() -> None:
    # money and counts printed for a period hold the period's condition; a share, a yearly
    # average, the level at the period's end, a unit per year and a stock do not
    from chitieu.catalog.words import family_conditions, name_family, read

    total = words_data()["period_totals"]["condition"]

    def conditions(name: str, unit: str | None) -> frozenset[str]:
        reading = read(name)
        return family_conditions(reading, name_family(unit, reading), unit=unit).conditions

    for name, unit in (("Tổng thu NSNN trên địa bàn thời kỳ 2021-2025", "tỷ đồng"),
                       ("Số lao động được tạo việc làm (2026-2030)", "người"),
                       ("Tổng thu ngân sách trong nhiệm kỳ", "triệu đồng")):
        assert total in conditions(name, unit), name
    for name, unit in (("Tỷ lệ giải ngân vốn đầu tư công giai đoạn 2021-2025", "%"),
                       ("Thu ngân sách bình quân hằng năm giai đoạn 2021-2025", "tỷ đồng"),
                       ("Thu ngân sách đến cuối nhiệm kỳ", "tỷ đồng"),
                       ("Thu ngân sách giai đoạn 2021-2025", "tỷ đồng/năm"),
                       ("Số thôn đạt chuẩn lũy kế giai đoạn 2021-2025", "thôn"),
                       ("Thu ngân sách năm 2026", "tỷ đồng")):
        assert total not in conditions(name, unit), name


def test_a_count_says_whether_it_tallies_additions_or_a_stock() -> None:
    # additions ("tăng thêm" at the end is no growth rate), a stock so far, or neither; a
    # share says nothing of it
    from chitieu.catalog.words import ADDED, CUMULATIVE, family_conditions, name_family, read

    def conditions(name: str, unit: str | None) -> frozenset[str]:
        reading = read(name)
        return family_conditions(reading, name_family(unit, reading), unit=unit).conditions

    assert conditions("Số hợp tác xã thành lập mới tăng thêm", "hợp tác xã") == {ADDED}
    assert conditions("Số thôn văn hóa được công nhận trong năm", "thôn") == {ADDED}
    assert conditions("Số câu lạc bộ hiện có", "câu lạc bộ") == {CUMULATIVE}
    assert conditions("Số hộ dùng điện thoại thông minh cộng dồn", "hộ") == {
        CUMULATIVE, "smart_device"}
    assert conditions("Số câu lạc bộ thể dục thể thao", "câu lạc bộ") == frozenset()
    assert ADDED not in conditions("Tỷ lệ hộ nghèo tăng thêm", "%")


def test_letter_shapes_ocr_reads_for_others_are_read_back() -> None:
    # in one syllable of Vietnamese letters only: a foreign word keeps its letters
    from chitieu.catalog.words import read

    assert read("thu gorn rác thải").words == ("thu", "gom", "rac", "thai")
    assert read("độ che phủ rirng").words == ("do", "che", "phu", "rung")
    assert read("có bằmg cấp").words[1] == "bang"
    assert read("nước sạeh").words == ("nuoc", "sach")
    assert read("mạng internet").words == ("mang", "internet")
    assert read("firm").words == ("firm",)


def words_data() -> dict:
    from chitieu.catalog.words import WORDS_YAML
    from chitieu.core.lexicon import parse_yaml

    return parse_yaml(WORDS_YAML.read_text(encoding="utf-8"))


def test_a_share_of_the_budget_is_not_a_share_of_grdp() -> None:
    from chitieu.catalog.words import families_agree, unit_family

    budget, grdp = unit_family("% tổng chi NSNN"), unit_family("% GRDP")
    assert budget == "percent:ngan sach"
    assert not families_agree(budget, grdp)
    assert families_agree(budget, unit_family("%"))


def test_the_unit_printed_decides_between_a_count_and_a_share() -> None:
    assert default_catalog().match("Số thôn có điểm phát Wi-Fi miễn phí", "thôn").id == \
        "hts.so_thon_wifi"
    # printed in %, the same name is the share of villages with free public Internet (Wi-Fi)
    found = default_catalog().match("Số thôn có điểm phát Wi-Fi miễn phí", "%")
    assert found is not None and found.id == "hts.thon_wifi"


def test_a_users_catalog_adds_indicators(tmp_path) -> None:
    from chitieu.catalog import load_catalog

    extra = tmp_path / "mine.csv"
    extra.write_text("id,name,group,unit,aliases\n"
                     "ktxh.dien_tich_ca_phe,Diện tích cà phê,Kinh tế - xã hội,ha,"
                     "Diện tích trồng cà phê | Diện tích cây cà phê\n", encoding="utf-8")
    catalog = load_catalog([extra])
    assert catalog.match("Diện tích cây cà phê", "ha").id == "ktxh.dien_tich_ca_phe"
    assert "xhs.tai_khoan_thanh_toan" in catalog.indicators


def test_a_catalog_without_its_columns_is_one_clear_error(tmp_path) -> None:
    from chitieu.catalog import load_catalog
    from chitieu.errors import InputError

    bad = tmp_path / "bad.csv"
    bad.write_text("ma,ten\n1,x\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an indicator catalog"):
        load_catalog([bad])
    wrong_target = tmp_path / "target.csv"
    wrong_target.write_text("id,name,targets\na.b,Tỷ lệ X,80 phần trăm\n", encoding="utf-8")
    with pytest.raises(InputError, match="national target"):
        load_catalog([wrong_target])


def test_the_pipeline_links_with_the_catalog_it_is_given(tmp_path) -> None:
    from chitieu.catalog import load_catalog
    from chitieu.emit.json_out import document_to_dict
    from chitieu.emit.schema import validate
    from chitieu.pipeline import convert_text

    text = ("STT\tNội dung\tChỉ tiêu\tCơ quan chủ trì\tThời hạn\n"
            "1\tDiện tích cây cà phê\t500 ha\tPhòng Kinh tế\tNăm 2026\n"
            "2\tTỷ lệ hồ sơ TTHC xử lý trực tuyến\t85%\tPhòng Kinh tế\tNăm 2026\n"
            "3\tTổ chức Ngày Chuyển đổi số\t\tPhòng Kinh tế\tNăm 2026\n")
    plain = convert_text(text, "text")
    assert [r.indicator.id if r.indicator else None for r in plain.records] == [
        None, "cqs.ho_so_truc_tuyen", None]
    assert plain.records[0].warnings == [UNMATCHED] and plain.records[2].kind == "task"
    extra = tmp_path / "mine.csv"
    extra.write_text("id,name,unit\nktxh.dien_tich_ca_phe,Diện tích cà phê,ha\n",
                     encoding="utf-8")
    mine = convert_text(text, "text", catalog=load_catalog([extra]))
    assert mine.records[0].indicator.id == "ktxh.dien_tich_ca_phe"
    assert validate(document_to_dict(mine)) == []


def test_the_pruned_search_links_as_ranking_every_phrasing_would() -> None:
    """`match` scores only the phrasings that may reach the threshold (slot bounds,
    constraints checked per signature): its link is rank's first whenever that reaches the
    threshold, to the last bit of the score, on every labelled record's name with its unit
    and on each name with its first or its second word dropped."""
    catalog = default_catalog()
    with (HERE / "records.csv").open(encoding="utf-8") as fh:
        rows = [(r["name"], r["unit"] or None) for r in csv.DictReader(fh)]
    names = rows + [(" ".join(n.split()[1:]), u) for n, u in rows] + [
        (" ".join(n.split()[:1] + n.split()[2:]), u) for n, u in rows]
    assert len(names) > 300
    for name, unit in names:
        ranked = catalog.rank(name, unit)
        expected = ranked[0] if ranked and ranked[0][1] >= catalog.threshold else None
        best = catalog._best(name, unit)
        assert (best if best and best[1] >= catalog.threshold else None) == expected, name
        found = catalog.match(name, unit)
        assert (found and (found.id, found.score)) == (
            expected and (expected[0], round(expected[1], 2))), name


def test_the_slot_bounds_keep_every_phrasing_that_shares_enough() -> None:
    """Each group's `reaching(words, needed)` keeps each of its phrasings whose exact shared
    weight reaches `needed`, also when `needed` is exactly that weight (the tightest case),
    and no phrasing sharing no word."""
    catalog = default_catalog()
    with (HERE / "records.csv").open(encoding="utf-8") as fh:
        names = [(r["name"], r["unit"] or None) for r in csv.DictReader(fh)][::3]
    slot = catalog._slot
    for name, unit in names:
        _, _, words, _ = catalog._read_name(name, unit)
        for group in catalog._groups.values():
            shared = [math.fsum(map(catalog._weight, words & catalog._entries[index].words))
                      for index in group.members]
            for needed in {*shared, 0.0}:
                kept, bits = group.reaching(words, needed, slot)
                assert bits == catalog._bits_of(words & group.slots.keys()), name
                for position, weight in enumerate(shared):
                    top = kept >> (position + 1) * slot - 1 & 1
                    indicator = catalog._entries[group.members[position]].indicator
                    if weight == 0:
                        assert not top, (name, indicator)
                    elif weight >= needed:
                        assert top, (name, indicator, needed)


def test_scores_do_not_depend_on_the_hash_seed() -> None:
    """Scores are sums over sets of words, whose order PYTHONHASHSEED changes: two processes
    with different seeds must give the same links and the same scores to the last bit."""
    import os
    import subprocess
    import sys

    script = (
        "import csv, sys\n"
        "from chitieu.catalog import default_catalog\n"
        "c = default_catalog()\n"
        "rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8')))\n"
        "for r in rows[::4]:\n"
        "    print(repr(c.rank(r['name'], r['unit'] or None)[:3]))\n"
    )
    labelled = str(HERE / "records.csv")
    outputs = {
        subprocess.run([sys.executable, "-c", script, labelled], capture_output=True,
                       text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


def test_an_indicator_is_the_rural_one_only_when_its_name_says_nong_thon() -> None:
    """Waste and water alike: "nông thôn" in the name makes the rural indicator, whether the
    waste is "thu gom" or "thu gom, xử lý"; "nông thôn mới" names the programme, no part."""
    catalog = default_catalog()
    for name, expected in (
        ("Tỷ lệ chất thải rắn sinh hoạt được thu gom", "ktxh.chat_thai_ran"),
        ("Tỷ lệ thu gom chất thải rắn sinh hoạt", "ktxh.chat_thai_ran"),
        ("Tỷ lệ chất thải rắn sinh hoạt khu vực nông thôn được thu gom, xử lý đúng quy định",
         "ntm.chat_thai_nong_thon"),
        ("Tỷ lệ rác thải sinh hoạt nông thôn được thu gom và xử lý", "ntm.chat_thai_nong_thon"),
        ("Tỷ lệ hộ dân nông thôn được sử dụng nước sạch", "ntm.nuoc_sach_nong_thon"),
        ("Tỷ lệ hộ gia đình ở nông thôn dùng nước sạch theo quy chuẩn",
         "ntm.nuoc_sach_nong_thon"),
        ("Tỷ lệ hộ dân được dùng nước sạch", "ktxh.nuoc_sach"),
    ):
        found = catalog.match(name, "%")
        assert found is not None and found.id == expected, (name, found)
    from chitieu.catalog.words import read

    assert "rural" not in read("Tỷ lệ thôn đạt chuẩn nông thôn mới nâng cao").conditions


def test_a_change_printed_in_percentage_points_is_read_by_its_unit() -> None:
    """"Giảm tỷ lệ hộ nghèo" in "điểm %" is the change of the poor households' share in points
    (the catalog's "Tỷ lệ hộ nghèo đa chiều" in "điểm %"); in "%" it stays a fall against the
    year before."""
    catalog = default_catalog()
    for name, unit, expected in (
        ("Giảm tỷ lệ hộ nghèo đa chiều", "điểm %", "ktxh.ho_ngheo_diem_phan_tram"),
        ("Tỷ lệ hộ nghèo đa chiều giảm", "điểm phần trăm", "ktxh.ho_ngheo_diem_phan_tram"),
        ("Giảm tỷ lệ hộ nghèo", "%", "ktxh.giam_ho_ngheo"),
    ):
        found = catalog.match(name, unit)
        assert found is not None and found.id == expected, (name, unit, found)


def test_a_heading_naming_only_its_object_is_no_share_of_it() -> None:
    """A row printed as a share that names only its object (a table's heading: "Dữ liệu chuyên
    ngành", "Hồ sơ thủ tục hành chính") links to no phrasing that goes on to say what of that
    object is measured ("… được chuẩn hóa", "… xử lý trực tuyến"); a share whose object is the
    thing measured ("Hộ nghèo") and a name that says it in full still link."""
    catalog = default_catalog()
    for name in ("Dữ liệu chuyên ngành", "Cơ sở dữ liệu chuyên ngành",
                 "Hồ sơ thủ tục hành chính"):
        assert catalog.match(name, "%") is None, name
    for name, unit, expected in (
        ("Hộ nghèo", "%", "ktxh.ho_ngheo"),
        ("Hộ cận nghèo", "%", "ktxh.ho_can_ngheo"),
        ("Cơ sở dữ liệu chuyên ngành được chuẩn hóa", "%", "cqs.du_lieu_chuyen_nganh_chuan_hoa"),
        ("Hồ sơ thủ tục hành chính được giải quyết đúng hạn", "%", "cqs.ho_so_dung_han"),
        ("Doanh nghiệp thành lập mới", "doanh nghiệp", "ktxh.doanh_nghiep_moi"),
    ):
        found = catalog.match(name, unit)
        assert found is not None and found.id == expected, (name, unit, found)


def test_a_heading_naming_only_a_condition_is_no_share_of_anything() -> None:
    """A row printed as a share whose name is only a condition's phrase ("Chữ ký số", "Cáp
    quang": a table's heading) links to nothing; the full names still link."""
    catalog = default_catalog()
    for name in ("Ký số", "Cáp quang", "Không dùng tiền mặt", "Khu vực thành thị"):
        assert catalog.match(name, "%") is None, name
    # printed with no unit at all ("KINH TẾ SỐ" alone on its row) it is a heading too
    for name in ("Kinh tế số", "CHỮ KÝ SỐ"):
        assert catalog.match(name) is None, name
    found = catalog.match("Tỷ lệ người dân trưởng thành có chữ ký số", "%")
    assert found is not None and found.id == "xhs.chu_ky_so_ca_nhan"


def test_a_part_of_people_and_firms_links_to_their_indicator() -> None:
    """Firms alone, or people alone, are a part of "người dân, doanh nghiệp" (the users of
    public services): their satisfaction or use is that indicator's (MATCH); two parts stay
    apart."""
    catalog = default_catalog()
    found = catalog.match("Tỷ lệ người dân có tài khoản thanh toán", "%")
    assert found is not None and found.id == "xhs.tai_khoan_thanh_toan"
    assert catalog.match("Tỷ lệ doanh nghiệp có tài khoản thanh toán", "%") is None


def test_the_locality_a_thing_is_of_is_dropped_before_the_synonyms() -> None:
    """"GRDP của phường tăng" is "GRDP tăng" (MATCH); the society ("của xã hội") is kept."""
    from chitieu.catalog.words import read

    assert read("Kinh phí của xã hội").words == ("kinh", "phi", "cua", "xa", "hoi")
    assert read("Tỷ lệ văn bản của xã được ký số").words == read("Tỷ lệ văn bản được ký số").words


@pytest.mark.parametrize(("name", "kept"), [
    ("Tỷ lệ đăng kiểm của phương tiện giao thông", "phuong tien"),
    ("Tỷ lệ hoàn thành của phương án bồi thường", "phuong an"),
    ("Chỉ số cải thiện của tình hình an ninh", "tinh hinh"),
    ("Thu nhập bình quân của xã viên hợp tác xã", "xa vien"),
    ("Số giờ hoạt động của tình nguyện viên", "tinh nguyen vien"),
    ("Tỷ lệ cán bộ được bồi dưỡng, nâng cao của tinh thần phục vụ", "tinh than"),
])
def test_a_word_a_level_folds_into_is_no_locality(name: str, kept: str) -> None:
    # "của xã/phường/tỉnh" is dropped ("GRDP của xã tăng", "CỦA PHƯỜNG"), read with its
    # accents: "của phương tiện", "của tình hình", "của xã viên" keep their words
    from chitieu.catalog.words import read

    assert kept in " ".join(read(name).words)
    assert "tang" in read("GRDP của xã tăng").words
    assert read("Doanh thu CỦA PHƯỜNG tăng").words == read("Doanh thu tăng").words


def test_a_number_grouped_in_thousands_by_dots_is_one_number() -> None:
    from chitieu.catalog.words import default_words, tokens

    words = default_words()
    assert tokens("Số bác sĩ/10.000 dân", words)[-2:] == ("10000", "dan")
    assert tokens("1.000.000 đồng", words)[0] == "1000000"
    # a decimal, a section number and a range are left as they are
    assert tokens("1.5 ha", words)[:2] == ("1", "5")
    assert tokens("2.1.3", words) == ("2", "1", "3")
    # a number opening with 0 is a decimal, not thousands
    assert tokens("Chỉ số đạt 0.750", words)[-2:] == ("0", "750")


def test_on_time_published_is_no_dossier_overdue() -> None:
    match = default_catalog().match(
        "Tỷ lệ hồ sơ giải quyết đúng hạn, công khai xin lỗi khi trễ hạn", "%")
    assert match is None or match.id != "cqs.ho_so_qua_han"
