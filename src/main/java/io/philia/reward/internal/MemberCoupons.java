package io.philia.reward.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.philia.reward.CouponCode;
import io.philia.reward.MemberCoupon;

/** The coupons a member owns: those their redemptions issued and those their orders earned, newest first. */
@Repository
public class MemberCoupons {

	private final JdbcClient jdbc;

	MemberCoupons(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<MemberCoupon> of(String programId, String memberId) {
		return jdbc.sql("""
				select c.code, c.campaign_id, o.source, c.valid_from, c.valid_until, c.uses, c.revoked
				from (select code, 'order' as source from order_coupon where program_id = :program and member_id = :member
				      union all
				      select coupon_code, 'reward' from redemption
				      where program_id = :program and member_id = :member and coupon_code is not null) o
				join coupon c on c.program_id = :program and c.code = o.code
				order by c.valid_from desc""")
			.param("program", programId)
			.param("member", memberId)
			.query((rs, n) -> new MemberCoupon(new CouponCode(rs.getString("code")).display(0),
					rs.getString("campaign_id"), rs.getString("source"),
					rs.getObject("valid_from", OffsetDateTime.class).toInstant(),
					rs.getObject("valid_until", OffsetDateTime.class).toInstant(), rs.getLong("uses") > 0,
					rs.getBoolean("revoked")))
			.list();
	}
}
